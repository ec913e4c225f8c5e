//! Saved runs: one file is both the save and the replay. A run file holds the
//! scenario's full text, the seed and every weekly decision, with the state hash
//! and headline figures of each week; loading it is re-simulating it.

pub mod error;
pub mod fork;
pub mod history;
pub mod index;
pub mod known;
mod lineage;
pub mod loading;
pub mod lock;
pub mod naming;
pub mod record;
pub mod replay;
pub mod resume;
pub mod store;
pub mod summary;
pub mod verify;

pub use error::{Divergence, RunError};
pub use fork::{fork, take_over};
pub use naming::{base_name, save_new};
pub use record::{Headline, Parent, Recording, RunRecord, WeekRecord, RUN_FORMAT_VERSION};
pub use resume::{
    load_latest, load_latest_as, load_verified, load_with_backup, load_with_backup_as, Loaded,
    Open, Resumed,
};
pub use store::{
    backup_path, clean_temporaries, load, parse, runs_dir, save_atomic, write_new,
    write_text_atomic, MAX_RUN_BYTES,
};
pub use verify::{verify, verify_into, Verdict, Verified};
