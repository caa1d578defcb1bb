//! The tokio runtime commands that talk to PostgreSQL run on.

use crate::exit::ExitCode;
use crate::report::fail;

/// A small runtime (one connection at a time); reports and returns `Failure` if it
/// cannot start.
pub fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            fail(
                &format!("cannot start the async runtime: {e}"),
                "this is a bug; please report it",
            );
            ExitCode::Failure
        })
}
