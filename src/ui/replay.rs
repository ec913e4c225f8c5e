//! Watching a saved run: play and pause, speed from ¼× to 64× and instant,
//! stepping and seeking in both directions, notable moments, and forking.
//!
//! Seeking is instant both ways: a keyframe (a copy of the game) is kept every
//! 26 weeks, so any week is at most 25 simulated weeks from one.

use std::path::PathBuf;

use super::app::{App, Overlay, Screen, WeekPoint};
use crate::engine::Game;
use crate::run::{Parent, Recording, RunRecord};

/// Playback speeds, in multiples of 1× (2 weeks a second); the last is instant.
pub const SPEEDS: [f64; 10] = [
    0.25,
    0.5,
    1.0,
    2.0,
    4.0,
    8.0,
    16.0,
    32.0,
    64.0,
    f64::INFINITY,
];
/// Weeks per second at 1×.
pub const WEEKS_PER_SECOND: f64 = 2.0;
const KEYFRAME_EVERY: u32 = 26;

/// Why a week is worth jumping to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Stage,
    Event,
    Influence,
    Ending,
}

impl Marker {
    /// The mark on the timeline.
    pub fn symbol(self) -> char {
        match self {
            Marker::Stage => '◆',
            Marker::Event => '•',
            Marker::Influence => '!',
            Marker::Ending => '■',
        }
    }
}

/// A run being watched.
pub struct Replay {
    pub record: RunRecord,
    keyframes: Vec<Game>,
    full_history: Vec<WeekPoint>,
    full_log: Vec<(u32, String)>,
    /// The week shown (0 = before the first week).
    pub week: u32,
    pub playing: bool,
    /// Position in [`SPEEDS`].
    pub speed: usize,
    pub markers: Vec<(u32, Marker)>,
    carry: f64,
    /// Digits typed after `g`, for a jump.
    pub jump: Option<String>,
}

impl Replay {
    /// Weeks in the run.
    pub fn len(&self) -> u32 {
        self.record.weeks.len() as u32
    }

    /// Whether the run has no weeks.
    pub fn is_empty(&self) -> bool {
        self.record.weeks.is_empty()
    }

    /// The speed as a player reads it.
    pub fn speed_label(&self) -> String {
        let x = SPEEDS[self.speed];
        if x.is_infinite() {
            "instant".into()
        } else if x < 1.0 {
            format!("{}×", if x == 0.25 { "¼" } else { "½" })
        } else {
            format!("{x:.0}×")
        }
    }
}

impl App {
    /// Watch `recording` (a verified run) from its first week.
    pub fn replay(recording: Recording) -> App {
        let record = recording.record.clone();
        let scenario = std::sync::Arc::new(recording.game.scenario().clone());
        let full = App::resume(recording, None);
        let mut game = Game::new(std::sync::Arc::clone(&scenario), record.seed);
        let mut keyframes = vec![game.clone()];
        for (i, w) in record.weeks.iter().enumerate() {
            // A verified run replays without errors; stop quietly if not.
            if game.step(&w.decision).is_err() {
                break;
            }
            if (i as u32 + 1) % KEYFRAME_EVERY == 0 {
                keyframes.push(game.clone());
            }
        }
        let mut markers = Vec::new();
        let mut stage = record.weeks.first().map(|_| scenario.start.stage);
        let mut prev_influence = full.history.first().map_or(0.0, |w| w.influence);
        for w in &full.history {
            if Some(w.stage) != stage {
                markers.push((w.week, Marker::Stage));
                stage = Some(w.stage);
            }
            if (w.influence - prev_influence).abs() * 100.0 >= 2.0 {
                markers.push((w.week, Marker::Influence));
            }
            prev_influence = w.influence;
        }
        for (week, line) in &full.log {
            if line.starts_with("Event:") && !markers.iter().any(|(w, _)| w == week) {
                markers.push((*week, Marker::Event));
            }
        }
        if record.ending.is_some() {
            markers.push((record.weeks.len() as u32, Marker::Ending));
        }
        markers.sort_by_key(|(w, _)| *w);
        let mut app = App::title();
        app.theme = full.theme;
        app.replay = Some(Replay {
            record,
            keyframes,
            full_history: full.history,
            full_log: full.log,
            week: 0,
            playing: false,
            speed: 3,
            markers,
            carry: 0.0,
            jump: None,
        });
        app.screen = Screen::Replay;
        app.seek(0);
        app
    }

    /// Show week `week` (clamped to the run).
    pub fn seek(&mut self, week: u32) {
        let Some(r) = self.replay.as_mut() else {
            return;
        };
        let week = week.min(r.len());
        let k = (week / KEYFRAME_EVERY) as usize;
        let k = k.min(r.keyframes.len() - 1);
        let mut game = r.keyframes[k].clone();
        for w in r
            .record
            .weeks
            .iter()
            .take(week as usize)
            .skip(k * KEYFRAME_EVERY as usize)
        {
            if game.step(&w.decision).is_err() {
                break;
            }
        }
        r.week = week;
        self.history = r.full_history[..week as usize].to_vec();
        self.log = r
            .full_log
            .iter()
            .filter(|(w, _)| *w <= week)
            .cloned()
            .collect();
        if let Some(next) = r.record.weeks.get(week as usize) {
            self.draft = next.decision.clone();
        }
        self.status = Some(format!(
            "Replay · week {week} of {} · {} {} · Space play/pause · n/N notable moments · f take over",
            r.len(),
            if r.playing { "▶" } else { "‖" },
            r.speed_label()
        ));
        self.game = Some(game);
        self.overlay = Overlay::None;
        self.dirty = true;
    }

    /// Whether the shell should send ticks (only while playing).
    pub fn wants_ticks(&self) -> bool {
        self.replay.as_ref().is_some_and(|r| r.playing)
    }

    /// Time passed while playing: advance by `seconds × speed`.
    pub fn tick(&mut self, seconds: f64) {
        let Some(r) = self.replay.as_mut() else {
            return;
        };
        if !r.playing {
            return;
        }
        let end = r.len();
        let target = if SPEEDS[r.speed].is_infinite() {
            end
        } else {
            r.carry += seconds * WEEKS_PER_SECOND * SPEEDS[r.speed];
            let steps = r.carry.floor();
            r.carry -= steps;
            (r.week + steps as u32).min(end)
        };
        if target >= end {
            r.playing = false;
        }
        if target != r.week || !r.playing {
            self.seek(target);
        }
    }

    /// Replay keys.
    pub(super) fn act_replay(&mut self, action: super::keymap::Action) {
        use super::keymap::Action as A;
        let Some(r) = self.replay.as_mut() else {
            return;
        };
        if let Some(jump) = r.jump.as_mut() {
            match action {
                A::Digit(d) if jump.len() < 5 => jump.push(char::from(b'0' + d)),
                A::Erase => {
                    jump.pop();
                }
                A::Select => {
                    let w = jump.parse().unwrap_or(r.week);
                    r.jump = None;
                    self.seek(w);
                }
                _ => r.jump = None,
            }
            self.dirty = true;
            return;
        }
        let week = r.week;
        let end = r.len();
        match action {
            A::PlayPause => {
                if week >= end {
                    r.week = 0;
                }
                r.playing = !r.playing;
                r.carry = 0.0;
                let w = r.week;
                self.seek(w);
            }
            A::Faster => {
                r.speed = (r.speed + 1).min(SPEEDS.len() - 1);
                self.seek(week);
            }
            A::Slower => {
                r.speed = r.speed.saturating_sub(1);
                self.seek(week);
            }
            A::Left => self.seek(week.saturating_sub(1)),
            A::Right => self.seek(week + 1),
            A::BigLeft => self.seek(week.saturating_sub(13)),
            A::BigRight => self.seek(week + 13),
            A::First => self.seek(0),
            A::Last => self.seek(end),
            A::NextMark => {
                let next = r.markers.iter().find(|(w, _)| *w > week).map(|(w, _)| *w);
                self.seek(next.unwrap_or(end));
            }
            A::PrevMark => {
                let prev = r
                    .markers
                    .iter()
                    .rev()
                    .find(|(w, _)| *w < week)
                    .map(|(w, _)| *w);
                self.seek(prev.unwrap_or(0));
            }
            A::Jump => {
                r.jump = Some(String::new());
                r.playing = false;
                self.status = Some("Jump to week: type it, then Enter.".into());
            }
            A::Fork => self.fork(),
            A::Help => self.overlay = Overlay::Help,
            A::Quit => self.overlay = Overlay::Quit,
            _ => {}
        }
    }

    /// Take over from the week shown: a new run with this run as its parent.
    fn fork(&mut self) {
        let Some(r) = self.replay.as_ref() else {
            return;
        };
        let week = r.week;
        let original: Vec<crate::run::Headline> =
            r.record.weeks.iter().map(|w| w.headline).collect();
        let mut record = r.record.clone();
        let parent_hash = record.weeks.last().map_or(0, |w| w.hash);
        record.weeks.truncate(week as usize);
        record.ending = None;
        record.parent = Some(Parent {
            run: parent_hash,
            week,
        });
        let path: Option<PathBuf> = crate::scenario::data_dir().map(|d| {
            d.join("runs")
                .join(format!("fork-{parent_hash:016x}-w{week}.ron"))
        });
        match crate::run::verify(&record, "fork") {
            Ok(v) => {
                let theme = self.theme;
                *self = App::resume(v.recording, path);
                self.theme = theme;
                self.original = Some(original);
                self.status = Some(format!(
                    "You took over after week {week}. This is a new run; the original is unchanged."
                ));
            }
            Err(e) => self.status = Some(format!("Cannot fork here: {e}")),
        }
    }
}
