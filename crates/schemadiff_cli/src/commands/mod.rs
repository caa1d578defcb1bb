//! One module per subcommand.

pub mod diff;
pub mod dump;
pub mod inspect;
pub mod plan;
pub mod plan_empty;
