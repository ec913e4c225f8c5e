//! The simulation: a pure, deterministic function of (scenario, seed, decisions).
//!
//! No I/O, no clock, no `HashMap` iteration, no platform maths: floats use basic
//! arithmetic and `libm`, randomness comes from [`rng::SimRng`] streams. Create a
//! [`Game`], feed it one [`Decision`] per week with [`Game::step`], read the
//! [`State`]. Bots and people play through exactly this API.

pub mod decision;
pub mod draft;
pub mod ending;
pub mod events;
pub mod funding;
pub mod hash;
pub mod kinds;
pub mod ledger;
pub mod metric;
pub mod news;
pub mod outcome;
pub mod par;
pub mod params;
pub mod risk;
pub mod rng;
pub mod scenario;
pub mod stage;
pub mod state;
mod state_hash;
mod step;

pub use decision::{Answer, Attention, Decision, DecisionError, Hiring, HOURS_RANGE};
pub use ending::Ending;
pub use kinds::{
    Activity, PerActivity, PowerBase, ReportingLine, BURN_MULTIPLE_CAP, RUNWAY_CAP, RUNWAY_LONG,
};
pub use ledger::{Cause, LedgerEntry};
pub use news::News;
pub use outcome::score;
pub use scenario::Scenario;
pub use stage::Stage;
pub use state::State;
pub use step::{new_hire_productivity, yearly_attrition, Game, MAX_PENDING};

/// Version of the simulation rules. Bumped whenever the same (scenario, seed,
/// decisions) could produce different states; saved runs record it.
pub const RULES_VERSION: u32 = 10;
