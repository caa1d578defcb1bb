//! schemadiff_bench owns benchmark inputs: a deterministic generator of realistic,
//! multi-file PostgreSQL schemas (see [`generate`]), and the benchmark runs behind the
//! `schemadiff-bench` binary ([`parse_bench`], [`plan_bench`], [`diff_bench`],
//! [`introspect_bench`], [`whole_plan_bench`]).

pub mod diff_bench;
pub mod generate;
pub mod input;
pub mod introspect_bench;
pub mod measure;
pub mod parse_bench;
pub mod plan_bench;
pub mod report;
pub mod whole_plan_bench;
