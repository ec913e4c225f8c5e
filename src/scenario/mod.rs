//! Scenarios: where they come from, how they are parsed and checked.

pub mod schema;

use std::fmt;

pub use schema::{Scenario, Start, FORMAT_VERSION};

/// The scenarios built into the binary: (name, RON text).
pub const BUILTIN: &[(&str, &str)] = &[("default", include_str!("../../scenarios/default.ron"))];

/// The scenario played when none is named.
pub const DEFAULT: &str = "default";

/// Why a scenario could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioError {
    /// The text is not valid RON for the format: `origin:line:col: message`.
    Syntax {
        origin: String,
        line: usize,
        col: usize,
        message: String,
        /// The offending line of the file, for the caret display.
        source_line: String,
    },
    /// The values are out of range or inconsistent: `origin: field.path: message`.
    Invalid {
        origin: String,
        path: String,
        message: String,
    },
    /// No built-in scenario or file with this name.
    NotFound { name: String, known: Vec<String> },
    /// The file could not be read.
    Io { origin: String, message: String },
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax {
                origin,
                line,
                col,
                message,
                source_line,
            } => {
                write!(f, "{origin}:{line}:{col}: {message}")?;
                if !source_line.is_empty() {
                    let caret = " ".repeat(col.saturating_sub(1));
                    write!(f, "\n  {source_line}\n  {caret}^")?;
                }
                Ok(())
            }
            ScenarioError::Invalid {
                origin,
                path,
                message,
            } => write!(f, "{origin}: {path}: {message}"),
            ScenarioError::NotFound { name, known } => write!(
                f,
                "no scenario named '{name}' (built in: {}); give a path to a .ron file to load your own",
                known.join(", ")
            ),
            ScenarioError::Io { origin, message } => write!(f, "{origin}: {message}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// Parse and check a scenario from RON text; `origin` names it in errors.
    pub fn from_ron(text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = ron::from_str(text).map_err(|e| {
            let line = e.span.start.line;
            let col = e.span.start.col;
            ScenarioError::Syntax {
                origin: origin.to_string(),
                line,
                col,
                message: e.code.to_string(),
                source_line: text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("")
                    .chars()
                    .take(200)
                    .collect(),
            }
        })?;
        scenario.validate(origin)?;
        Ok(scenario)
    }

    /// The built-in scenario called `name`.
    pub fn builtin(name: &str) -> Result<Scenario, ScenarioError> {
        let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name) else {
            return Err(ScenarioError::NotFound {
                name: name.to_string(),
                known: BUILTIN.iter().map(|(n, _)| n.to_string()).collect(),
            });
        };
        Scenario::from_ron(text, &format!("scenarios/{name}.ron"))
    }

    /// Semantic checks the parser cannot make.
    pub fn validate(&self, origin: &str) -> Result<(), ScenarioError> {
        let bad = |path: &str, message: String| ScenarioError::Invalid {
            origin: origin.to_string(),
            path: path.to_string(),
            message,
        };
        if self.version != FORMAT_VERSION {
            return Err(bad(
                "version",
                format!(
                    "format version {} is not supported (this game reads version {FORMAT_VERSION})",
                    self.version
                ),
            ));
        }
        if !(1..=5200).contains(&self.horizon_weeks) {
            return Err(bad(
                "horizon_weeks",
                format!("{} is outside 1–5200", self.horizon_weeks),
            ));
        }
        let p = &self.params;
        if p.hiring.ramp_weeks > 520 || p.hiring.offer_to_start_weeks > 520 {
            return Err(bad(
                "params.hiring",
                "ramp and offer delays must be at most 520 weeks".into(),
            ));
        }
        let st = &self.start;
        for (name, x) in [
            ("start.fit", st.fit),
            ("start.alignment", st.alignment),
            ("start.morale", st.morale),
            ("start.legitimate", st.legitimate),
            ("start.reward", st.reward),
            ("start.informational", st.informational),
            ("start.expert", st.expert),
            ("start.referent", st.referent),
            ("start.credits", st.credits),
        ] {
            if !(0.0..=1.0).contains(&x) {
                return Err(bad(name, format!("{x} is outside 0–1")));
            }
        }
        for (name, x) in [
            ("start.cash", st.cash),
            ("start.arr", st.arr),
            ("start.debt", st.debt),
        ] {
            if !(0.0..=1e12).contains(&x) {
                return Err(bad(name, format!("{x} is outside 0–1e12")));
            }
        }
        if st.engineers > 10_000 || st.managers > 10_000 {
            return Err(bad("start.engineers", "at most 10,000 people".into()));
        }
        if st.vps.len() as u32 > p.hiring.max_vps {
            return Err(bad(
                "start.vps",
                format!("at most {} VPs", p.hiring.max_vps),
            ));
        }
        for (i, e) in self.events.iter().enumerate() {
            if e.choices.is_empty() {
                return Err(bad(
                    &format!("events[{i}].choices"),
                    "an event needs at least one choice".into(),
                ));
            }
            if e.default_choice >= e.choices.len() {
                return Err(bad(
                    &format!("events[{i}].default_choice"),
                    format!(
                        "{} is not a choice (there are {})",
                        e.default_choice,
                        e.choices.len()
                    ),
                ));
            }
            for (j, c) in e.choices.iter().enumerate() {
                for (k, eff) in c.effects.iter().enumerate() {
                    if !eff.metric.is_writable() {
                        return Err(bad(
                            &format!("events[{i}].choices[{j}].effects[{k}].metric"),
                            format!("{:?} can be read in conditions but not changed", eff.metric),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}
