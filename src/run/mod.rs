//! Saved runs: one file is both the save and the replay. A run file holds the
//! scenario's full text, the seed and every weekly decision, with the state hash
//! and headline figures of each week; loading it is re-simulating it.

pub mod record;
pub mod store;
pub mod verify;

pub use record::{Headline, Parent, Recording, RunRecord, WeekRecord, RUN_FORMAT_VERSION};
pub use store::{
    backup_path, latest_path, load, load_with_backup, parse, save_atomic, Loaded, RunError,
    MAX_RUN_BYTES,
};
pub use verify::{verify, Divergence, Verified};
