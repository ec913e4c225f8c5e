//! cto-sim: a terminal game in which you are the CTO of a growing startup.
//!
//! The crate is split as the product is: [`engine`] is the pure simulation,
//! [`scenario`] loads and checks scenario files, [`policy`] holds the bots that play
//! through the same decision API as people, and [`sim`] runs batches of games.

pub mod balance;
pub mod check;
pub mod cli;
pub mod engine;
pub mod files;
pub mod forecast;
pub mod policy;
pub mod run;
pub mod scenario;
pub mod sim;
pub mod ui;
pub mod untrusted;
pub mod whatif;
