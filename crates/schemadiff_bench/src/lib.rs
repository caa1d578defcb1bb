//! schemadiff_bench owns benchmark inputs: a deterministic generator of realistic,
//! multi-file PostgreSQL schemas (see [`generate`]).

pub mod generate;
