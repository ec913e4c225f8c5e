//! The integration tests: one binary (linking the crate once), a module per
//! subject. Tests that drive the built `cto-sim` binary use
//! `env!("CARGO_BIN_EXE_cto-sim")`; the terminal tests need tmux.

mod common;

mod architecture;
mod authors;
mod bots;
mod calibration;
mod cli;
mod coach;
mod deadlines;
mod decisions;
mod deck;
mod determinism;
mod dialog;
mod endings;
mod focus;
mod forecast;
mod funding;
mod guide;
mod history;
mod hostile;
mod keys;
mod news;
mod organisation;
mod panels;
mod par;
mod picture;
mod properties;
mod readme;
mod refactoring;
mod refusals;
mod replay;
mod retrospective;
mod runs;
mod saves;
mod scenarios;
mod targets;
mod terminal;
mod ui;
mod words;
mod writers;
