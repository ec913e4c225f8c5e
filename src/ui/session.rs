//! A run as the screens know it: one [`Recording`] (the game and its run file)
//! plus what the charts and the news log need from every week played. The
//! game, continue, replay, fork and `cto-sim report` all build one the same way.

use std::sync::Arc;

use super::log::{Entry, Kind};
use super::{news, warnings};
use crate::engine::ledger::LedgerEntry;
use crate::engine::par::par;
use crate::engine::risk::{risks, Risk};
use crate::engine::{Attention, Decision, DecisionError, Game, News, Scenario, Stage, State};
use crate::run::replay::{self, Replays};
use crate::run::{Recording, RunError, RunRecord};

/// What the charts and the end screen need from each week.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekPoint {
    pub week: u32,
    pub stage: Stage,
    pub influence: f64,
    pub authority: f64,
    pub arr: f64,
    pub cash: f64,
    pub velocity: f64,
    pub debt_tax: f64,
    pub morale: f64,
    /// Engineers on the team at the end of the week.
    pub engineers: u32,
    pub attention: Attention,
    /// The par the screen showed for the week (at the week's hours and
    /// hiring target).
    pub par: Attention,
    /// The influence ledger of the week.
    pub ledger: Vec<LedgerEntry>,
    /// The events settled this week: (deck index, choice taken).
    pub settled: Vec<(usize, usize)>,
}

/// A run being played (or shown), with its history.
#[derive(Clone, Debug)]
pub struct Session {
    /// The game and the run file that records it.
    pub recording: Recording,
    /// One point per week played, for the charts.
    pub history: Vec<WeekPoint>,
    /// The news log, newest last: every line of the run, which the news
    /// panel and the log overlay both read.
    pub log: Vec<Entry>,
    /// Endings on their way as of the last week (warned about once each time
    /// they start).
    pub risks: Vec<Risk>,
}

impl Session {
    /// A new run of `scenario` with `seed`, before week 1.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Session {
        let log = vec![Entry {
            week: 0,
            text: format!("Week 1 at {}. Seed {seed}.", scenario.name),
            kind: Kind::Notice,
        }];
        Session {
            recording: Recording::start(scenario, seed),
            history: Vec::new(),
            log,
            risks: Vec::new(),
        }
    }

    /// The run `record` verified and followed in one pass: every week
    /// replayed and checked (the one replay, `run::replay`), the charts and
    /// the news rebuilt on the way; the record's header (its parent, for a
    /// fork) is kept. `origin` names the run in errors.
    pub fn verified(record: &RunRecord, origin: &str) -> Result<Session, RunError> {
        crate::run::verify_into(record, origin, Session::started).map(|(session, _)| session)
    }

    /// A recorded run (verified already), played again week by week to
    /// rebuild the charts and the news; the record's header is kept.
    pub fn resume(recording: Recording) -> Session {
        let scenario = Arc::clone(recording.game.scenario_arc());
        let header = RunRecord {
            weeks: Vec::new(),
            ending: None,
            ..recording.record.clone()
        };
        let mut session = Session::started(scenario, header);
        let weeks = 0..recording.record.weeks.len();
        // A verified run replays as recorded; were it not to, the session
        // stops at the week that differs.
        replay::weeks(&recording.record, "resume", &mut session, weeks).ok();
        session
    }

    /// The run whose header is `header` (the record without its weeks),
    /// before week 1.
    fn started(scenario: Arc<Scenario>, header: RunRecord) -> Session {
        let mut session = Session::new(scenario, header.seed);
        session.recording.record = header;
        session
    }

    /// The game in progress.
    pub fn game(&self) -> &Game {
        &self.recording.game
    }

    /// The state after the last week played.
    pub fn state(&self) -> &State {
        self.recording.game.state()
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        self.recording.game.scenario()
    }

    /// The run file as recorded so far.
    pub fn record(&self) -> &RunRecord {
        &self.recording.record
    }

    /// Step the game one week, record it, and add it to the charts and the news.
    pub fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        let shown = par(
            self.state(),
            &self.scenario().params,
            decision.hours,
            decision.hiring.engineers,
        );
        let hash = self.recording.step(decision)?;
        let game = &self.recording.game;
        let (s, sc) = (game.state(), game.scenario());
        self.history
            .push(WeekPoint::of(s, decision.attention, shown.attention));
        let mut lines: Vec<(String, Kind)> = s
            .news
            .iter()
            .map(|n| (news::news_line(n, s, sc), Kind::of(n)))
            .collect();
        // Par for the same hours and target next week: when the company has
        // moved it, the news says what moved and why.
        if s.ending.is_none() {
            let next = par(s, &sc.params, decision.hours, decision.hiring.engineers);
            lines.extend(news::par_moved(&shown, &next).map(|l| (l, Kind::Routine)));
        }
        let risks = risks(s, sc);
        for r in &risks {
            if !self.risks.iter().any(|old| old.ending == r.ending) {
                let line = warnings::risk_line(r, sc, s);
                lines.push((format!("Warning: {line}"), Kind::Warning(r.ending)));
            }
        }
        if s.ending.is_none() {
            for old in &self.risks {
                if !risks.iter().any(|r| r.ending == old.ending) {
                    let line = warnings::risk_cleared_line(old.ending, sc, s);
                    lines.push((line, Kind::Notice));
                }
            }
        }
        let week = s.week;
        self.log.extend(
            lines
                .into_iter()
                .map(|(text, kind)| Entry { week, text, kind }),
        );
        self.risks = risks;
        Ok(hash)
    }
}

impl Replays for Session {
    fn game(&self) -> &Game {
        Session::game(self)
    }
    fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        Session::step(self, decision)
    }
}

impl WeekPoint {
    /// The point of the week `s` ends, played with `attention`.
    pub fn of(s: &State, attention: Attention, par: Attention) -> WeekPoint {
        WeekPoint {
            week: s.week,
            stage: s.company.stage,
            influence: s.metrics.influence,
            authority: s.power.legitimate,
            arr: s.company.arr,
            cash: s.company.cash,
            velocity: s.metrics.velocity,
            debt_tax: s.metrics.debt_tax,
            morale: s.company.morale,
            engineers: s.people.engineers(),
            attention,
            par,
            ledger: s.ledger.clone(),
            settled: s
                .news
                .iter()
                .filter_map(|n| match *n {
                    News::EventSettled { event, choice, .. } => Some((event, choice)),
                    _ => None,
                })
                .collect(),
        }
    }
}
