//! Semantic checks: everything the parser cannot see. All findings are collected.

mod events;
mod numbers;
mod params;
mod windfall;

use super::diagnostic::Diagnostic;

use crate::engine::events::{Condition, Metric, Op};
use crate::engine::outcome::Ending;
use crate::engine::scenario::{CustomEnding, Outcome, FORMAT_VERSION};
use crate::engine::Scenario;

/// Most events in a deck.
pub const MAX_EVENTS: usize = 256;
/// Most scenario endings.
pub const MAX_ENDINGS: usize = 16;
/// Most choices in an event.
pub const MAX_CHOICES: usize = 8;
/// Most conditions in one list, effects in one choice, rounds in the params.
pub const MAX_LIST: usize = 16;
/// Longest text (event text, description), in characters.
pub const MAX_TEXT: usize = 2000;
/// Longest name, title or label, in characters.
pub const MAX_NAME: usize = 120;
/// Longest horizon, in weeks (20 years).
pub const MAX_HORIZON: u32 = 1040;

/// Check `sc` (named `origin` in messages); returns errors and warnings.
pub fn validate(sc: &Scenario, origin: &str) -> Vec<Diagnostic> {
    let mut c = Checker {
        origin,
        found: Vec::new(),
    };
    c.header(sc);
    c.start(sc);
    c.params(&sc.params);
    c.endings(sc);
    c.events(sc);
    if sc.events.len() <= MAX_EVENTS {
        c.windfalls(sc);
    }
    c.found
}

struct Checker<'a> {
    origin: &'a str,
    found: Vec<Diagnostic>,
}

/// A number as an author would write it: `0.5`, `3200000`, `1e11`.
/// For a share (a field that goes up to 1) given a number that reads as a
/// percentage (`morale: 60`, `by: -20`): the hint to write it as a fraction.
fn percent_hint(x: f64, max: f64) -> Option<String> {
    // From 5: a 2.0 where 1 is the most reads as a slip, not as 2%.
    let percentage_like = (5.0..=100.0).contains(&x.abs());
    (max == 1.0 && percentage_like).then(|| {
        format!(
            "shares are fractions from 0 to 1: write `{}` for {}%",
            x / 100.0,
            x
        )
    })
}

fn short(x: f64) -> String {
    if x != 0.0 && x.abs() >= 1e7 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Checker<'_> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::error(self.origin, path, message));
    }

    fn error_hint(&mut self, path: impl Into<String>, message: impl Into<String>, hint: String) {
        self.found
            .push(Diagnostic::error(self.origin, path, message).with_hint(hint));
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::warning(self.origin, path, message));
    }

    /// A number that must be finite and within `min..=max`.
    fn num(&mut self, path: &str, x: f64, min: f64, max: f64) {
        if !x.is_finite() {
            self.error(
                path,
                format!("`{x}` is not a finite number (too large, infinite or NaN)"),
            );
        } else if x < min || x > max {
            let message = format!(
                "{} is outside the allowed range {}–{}",
                short(x),
                short(min),
                short(max)
            );
            match percent_hint(x, max) {
                Some(hint) => self.error_hint(path, message, hint),
                None => self.error(path, message),
            }
        }
    }

    fn int(&mut self, path: &str, x: u64, min: u64, max: u64) {
        if x < min || x > max {
            self.error(
                path,
                format!("{x} is outside the allowed range {min}–{max}"),
            );
        }
    }

    fn text(&mut self, path: &str, s: &str, max: usize, required: bool) {
        let n = s.chars().count();
        if required && s.trim().is_empty() {
            self.error(path, "must not be empty");
        } else if n > max {
            self.error(
                path,
                format!("is {n} characters long; at most {max} are allowed"),
            );
        }
    }

    fn header(&mut self, sc: &Scenario) {
        if sc.version != FORMAT_VERSION {
            self.error_hint(
                "version",
                format!("format version {} is not supported", sc.version),
                format!("this game reads version {FORMAT_VERSION}"),
            );
        }
        self.text("name", &sc.name, 80, true);
        self.text("description", &sc.description, MAX_TEXT, true);
        self.int("difficulty", u64::from(sc.difficulty), 1, 5);
        self.int(
            "horizon_weeks",
            u64::from(sc.horizon_weeks),
            1,
            u64::from(MAX_HORIZON),
        );
    }

    fn start(&mut self, sc: &Scenario) {
        let st = &sc.start;
        self.num("start.cash", st.cash, 0.0, 1e11);
        self.num("start.arr", st.arr, 0.0, 1e10);
        self.num("start.debt", st.debt, 0.0, 1e6);
        self.num("start.codebase", st.codebase, 1.0, 1e7);
        for (name, x) in [
            ("fit", st.fit),
            ("alignment", st.alignment),
            ("morale", st.morale),
            ("credits", st.credits),
        ] {
            self.num(&format!("start.{name}"), x, 0.0, 1.0);
        }
        for (name, x) in [
            ("legitimate", st.legitimate),
            ("reward", st.reward),
            ("informational", st.informational),
            ("expert", st.expert),
            ("referent", st.referent),
        ] {
            if let Some(x) = x {
                self.num(&format!("start.{name}"), x, 0.0, 1.0);
            }
        }
        if let Some(k) = st.coding_multiple {
            self.num("start.coding_multiple", k, 1.0, 10.0);
        }
        self.int("start.engineers", u64::from(st.engineers), 0, 2000);
        self.int("start.managers", u64::from(st.managers), 0, 500);
        if st.vps.len() as u32 > sc.params.hiring.max_vps.min(3) {
            self.error(
                "start.vps",
                format!(
                    "{} VPs, but the company can have at most {}",
                    st.vps.len(),
                    sc.params.hiring.max_vps.min(3)
                ),
            );
        }
        if st.engineers == 0 && st.managers == 0 {
            self.warning(
                "start.engineers",
                "the company starts with nobody to build anything",
            );
        }
        if st.managers > st.engineers {
            self.warning("start.managers", "more managers than engineers to manage");
        }
    }

    /// A condition's value, and its spread: `refused` says why this
    /// condition may not have one (`None`: a loss ending's, which may).
    fn condition(&mut self, path: &str, c: &Condition, refused: Option<&str>) {
        self.num(&format!("{path}.value"), c.value, -1e12, 1e12);
        let Some(spread) = c.spread else {
            return;
        };
        let path = format!("{path}.spread");
        match refused {
            Some(why) => self.error(path, why),
            None => {
                let (lo, hi) = c.metric.range();
                self.num(&path, spread, 0.0, (hi - lo).min(1e12));
            }
        }
    }

    /// Whether every condition of `when` can hold at once (each inside its
    /// metric's range, and no two on one metric contradicting each other).
    fn satisfiable(when: &[Condition], horizon: u32) -> bool {
        for m in Metric::ALL {
            let (mut lo, mut hi) = m.range();
            if m == Metric::Week {
                hi = f64::from(horizon);
            }
            let (mut lo_open, mut hi_open) = (false, false);
            for c in when.iter().filter(|c| c.metric == m) {
                match c.op {
                    Op::AtLeast if c.value > lo || (c.value == lo && lo_open) => {
                        lo = c.value;
                        lo_open = false;
                    }
                    Op::Above if c.value >= lo => {
                        lo = c.value;
                        lo_open = true;
                    }
                    Op::AtMost if c.value < hi || (c.value == hi && hi_open) => {
                        hi = c.value;
                        hi_open = false;
                    }
                    Op::Below if c.value <= hi => {
                        hi = c.value;
                        hi_open = true;
                    }
                    _ => {}
                }
            }
            if lo > hi || (lo == hi && (lo_open || hi_open)) {
                return false;
            }
        }
        true
    }

    fn endings(&mut self, sc: &Scenario) {
        if sc.endings.len() > MAX_ENDINGS {
            self.error(
                "endings",
                format!("{} endings; at most {MAX_ENDINGS}", sc.endings.len()),
            );
        }
        let builtin: Vec<&str> = Ending::ALL.iter().map(|e| e.id()).collect();
        for (i, end) in sc.endings.iter().enumerate() {
            let path = format!("endings[{i}]");
            self.ending(sc, &path, end, &builtin);
            if sc.endings[..i].iter().any(|e| e.id == end.id) {
                self.error(
                    format!("{path}.id"),
                    format!("the id `{}` is used twice", end.id),
                );
            }
        }
    }

    fn ending(&mut self, sc: &Scenario, path: &str, end: &CustomEnding, builtin: &[&str]) {
        if !is_snake_case(&end.id) {
            self.error(
                format!("{path}.id"),
                format!("`{}` is not a snake_case identifier", end.id),
            );
        }
        if builtin.contains(&end.id.as_str()) {
            self.error(
                format!("{path}.id"),
                format!("`{}` is a built-in ending; give yours another id", end.id),
            );
        }
        self.text(&format!("{path}.title"), &end.title, MAX_NAME, true);
        if end.when.is_empty() {
            self.error(
                format!("{path}.when"),
                "an ending without conditions would end every run in week 1",
            );
        }
        if end.when.len() > MAX_LIST {
            self.error(
                format!("{path}.when"),
                format!("at most {MAX_LIST} conditions"),
            );
        }
        let refused = match end.outcome {
            Outcome::Loss => None,
            Outcome::Win => Some(
                "only a loss ending's conditions take a spread: a win's conditions are the goal the player reads",
            ),
        };
        for (j, c) in end.when.iter().enumerate() {
            self.condition(&format!("{path}.when[{j}]"), c, refused);
        }
        self.int(
            &format!("{path}.for_weeks"),
            u64::from(end.for_weeks),
            1,
            u64::from(sc.horizon_weeks.max(1)),
        );
        if let Some(f) = end.score_factor {
            self.num(&format!("{path}.score_factor"), f, 0.0, 1.5);
        }
        if !end.when.is_empty() && !Self::satisfiable(&end.when, sc.horizon_weeks) {
            self.error(
                format!("{path}.when"),
                "this ending is unreachable: its conditions can never all hold before the horizon",
            );
        } else if !end.when.is_empty() && !Self::satisfiable(&hardest(&end.when), sc.horizon_weeks)
        {
            self.warning(
                format!("{path}.when"),
                "in the runs that draw the strictest thresholds this ending can never happen: its spreads close it",
            );
        }
    }
}

/// `when` with each spread condition at the strictest threshold a run can draw.
fn hardest(when: &[Condition]) -> Vec<Condition> {
    when.iter()
        .map(|c| {
            let value = match c.op {
                Op::AtLeast | Op::Above => c.value + c.spread(),
                Op::AtMost | Op::Below => c.value - c.spread(),
            };
            Condition::new(c.metric, c.op, value)
        })
        .collect()
}
