//! Watching a saved run: play and pause, speed from ¼× to 64× and instant,
//! stepping and seeking in both directions, notable moments, and forking.
//!
//! Seeking is instant both ways: a keyframe (a copy of the game) is kept every
//! 26 weeks, so any week is at most 25 simulated weeks from one.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::protocol::{Frame, Outcome};
use super::week::Week;
use crate::engine::{Decision, DecisionError, Game, News, Scenario};
use crate::run::replay::{self, Replays};
use crate::run::{Headline, Recording, RunError, RunRecord};
use crate::ui::keymap::{Action, Context};
use crate::ui::session::{Session, WeekPoint};
use crate::ui::theme::Theme;

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
    full: Session,
    /// The week shown, on the week screen.
    pub shown: Week,
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

/// What watching keeps as the run is replayed, once: the charts and news,
/// a keyframe every 26 weeks, and the weeks an event fired.
struct Watched {
    full: Session,
    keyframes: Vec<Game>,
    event_weeks: Vec<u32>,
}

impl Watched {
    fn start(scenario: Arc<Scenario>, seed: u64) -> Watched {
        let full = Session::new(scenario, seed);
        Watched {
            keyframes: vec![full.game().clone()],
            full,
            event_weeks: Vec::new(),
        }
    }
}

impl Replays for Watched {
    fn game(&self) -> &Game {
        self.full.game()
    }
    fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        let hash = self.full.step(decision)?;
        let s = self.full.state();
        if s.news.iter().any(|n| matches!(n, News::EventFired(_))) {
            self.event_weeks.push(s.week);
        }
        if s.week.is_multiple_of(KEYFRAME_EVERY) {
            self.keyframes.push(self.full.game().clone());
        }
        Ok(hash)
    }
}

impl Replay {
    /// Watch `recording` (a verified run) from its first week.
    pub fn new(recording: Recording) -> Replay {
        let scenario = Arc::clone(recording.game.scenario_arc());
        let mut watched = Watched::start(scenario, recording.record.seed);
        let weeks = 0..recording.record.weeks.len();
        // A verified run replays as recorded; were it not to, the replay
        // ends at the week that differs.
        replay::weeks(&recording.record, "replay", &mut watched, weeks).ok();
        Replay::of(recording.record, watched)
    }

    /// Watch the run `record` from its first week, verifying it in the same
    /// one pass that builds the charts and keyframes (`origin` names it in
    /// errors).
    pub fn verified(record: &RunRecord, origin: &str) -> Result<Replay, RunError> {
        let (watched, _) = crate::run::verify_into(record, origin, |scenario, header| {
            Watched::start(scenario, header.seed)
        })?;
        Ok(Replay::of(record.clone(), watched))
    }

    fn of(record: RunRecord, watched: Watched) -> Replay {
        let Watched {
            full,
            keyframes,
            event_weeks,
        } = watched;
        let scenario = Arc::clone(full.game().scenario_arc());
        let markers = markers(&full.history, scenario.start.stage, &event_weeks, &record);
        let shown = Week::new(Session::new(scenario, record.seed));
        let mut replay = Replay {
            record,
            keyframes,
            full,
            shown,
            week: 0,
            playing: false,
            speed: 3,
            markers,
            carry: 0.0,
            jump: None,
        };
        replay.seek(0);
        replay
    }

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

    /// The status line while watching.
    pub fn status(&self) -> String {
        format!(
            "Replay · week {} of {} · {} {} · Space play/pause · n/N notable moments · f take over",
            self.week_shown(),
            self.len(),
            if self.playing { "▶" } else { "‖" },
            self.speed_label()
        )
    }

    /// The week the screen shows, as its header reads: the week being
    /// decided, or the last week once the run is over.
    pub fn week_shown(&self) -> u32 {
        let s = self.shown.session.game().state();
        if s.ending.is_some() {
            s.week
        } else {
            s.week + 1
        }
    }

    /// Show the screen as it was when week `week` was decided: its header
    /// reads "Week {week}" (for `g`, the jump a player types).
    pub fn go_to(&mut self, week: u32) {
        self.seek(week.saturating_sub(1));
    }

    /// Show the game after `week` weeks were played (clamped to the run).
    pub fn seek(&mut self, week: u32) {
        let week = week.min(self.len());
        let k = (week / KEYFRAME_EVERY) as usize;
        let k = k.min(self.keyframes.len() - 1);
        let mut game = self.keyframes[k].clone();
        let from = k * KEYFRAME_EVERY as usize;
        // The run replayed as recorded when it was loaded; were a week not
        // to, the game shown stops at it.
        replay::weeks(&self.record, "replay", &mut game, from..week as usize).ok();
        self.week = week;
        let session = &mut self.shown.session;
        session.recording.game = game;
        session.history = self.full.history[..week as usize].to_vec();
        session.log = self
            .full
            .log
            .iter()
            .filter(|e| e.week <= week)
            .cloned()
            .collect();
        // The decision made that week; after the last, the last one made.
        let decided = (week as usize).min(self.record.weeks.len().saturating_sub(1));
        if let Some(next) = self.record.weeks.get(decided) {
            self.shown.draft = next.decision.clone();
        }
    }

    /// Time passed while playing: advance by `seconds × speed`. `true` if the
    /// week shown changed (or playback stopped).
    pub fn tick(&mut self, seconds: f64) -> bool {
        if !self.playing {
            return false;
        }
        let end = self.len();
        let target = if SPEEDS[self.speed].is_infinite() {
            end
        } else {
            self.carry += seconds * WEEKS_PER_SECOND * SPEEDS[self.speed];
            let steps = self.carry.floor();
            self.carry -= steps;
            (self.week + steps as u32).min(end)
        };
        if target >= end {
            self.playing = false;
        }
        if target != self.week || !self.playing {
            self.seek(target);
            return true;
        }
        false
    }

    /// The replay's keys; what it says after them goes on the status line.
    pub fn on_action(&mut self, action: Action) -> Outcome {
        // While a week to jump to is typed, every key is the jump's.
        if self.jump.is_none() {
            match action {
                Action::Fork => return self.fork(),
                Action::Help => return Outcome::Help,
                Action::Log => return Outcome::Log,
                Action::Quit => return Outcome::Quit,
                _ => {}
            }
        }
        Outcome::Say(self.watch(action).unwrap_or_else(|| self.status()))
    }

    /// Keys that move through the run: where to, and anything to say about it.
    fn watch(&mut self, action: Action) -> Option<String> {
        if let Some(jump) = self.jump.as_mut() {
            match action {
                Action::Digit(d) if jump.len() < 5 => jump.push(char::from(b'0' + d)),
                Action::Erase => {
                    jump.pop();
                }
                Action::Select => {
                    let w = jump.parse().unwrap_or(self.week_shown());
                    self.jump = None;
                    self.go_to(w);
                }
                _ => self.jump = None,
            }
            return None;
        }
        let week = self.week;
        let end = self.len();
        match action {
            Action::PlayPause => {
                if week >= end {
                    self.week = 0;
                }
                self.playing = !self.playing;
                self.carry = 0.0;
                self.seek(self.week);
            }
            Action::Faster => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
            Action::Slower => self.speed = self.speed.saturating_sub(1),
            Action::Left => self.seek(week.saturating_sub(1)),
            Action::Right => self.seek(week + 1),
            Action::BigLeft => self.seek(week.saturating_sub(13)),
            Action::BigRight => self.seek(week + 13),
            Action::First => self.seek(0),
            Action::Last => self.seek(end),
            Action::NextMark => {
                let next = self
                    .markers
                    .iter()
                    .find(|(w, _)| *w > week)
                    .map(|(w, _)| *w);
                self.seek(next.unwrap_or(end));
                return Some(self.why_notable());
            }
            Action::PrevMark => {
                let prev = self.markers.iter().rev().find(|(w, _)| *w < week);
                self.seek(prev.map_or(0, |(w, _)| *w));
                return Some(self.why_notable());
            }
            Action::Jump => {
                self.jump = Some(String::new());
                self.playing = false;
                return Some("Jump to week: type it, then Enter.".into());
            }
            _ => {}
        }
        None
    }

    /// Why the week shown is a notable moment, in a line.
    pub fn why_notable(&self) -> String {
        let week = self.week;
        let point = |w: u32| {
            w.checked_sub(1)
                .and_then(|i| self.full.history.get(i as usize))
        };
        let reasons: Vec<String> = self
            .markers
            .iter()
            .filter(|(w, _)| *w == week)
            .map(|(_, marker)| match marker {
                Marker::Stage => point(week).map_or("a new stage".into(), |p| {
                    format!("a round closed: now {}", p.stage.label())
                }),
                Marker::Influence => match (point(week), week.checked_sub(1).and_then(point)) {
                    (Some(p), Some(b)) => format!(
                        "influence moved {:+.1}",
                        (p.influence - b.influence) * 100.0
                    ),
                    _ => "influence moved".into(),
                },
                Marker::Event => self
                    .full
                    .log
                    .iter()
                    .find(|e| e.week == week && e.text.starts_with("Event:"))
                    .map_or("an event".into(), |e| e.text.clone()),
                Marker::Ending => "the end of the run".into(),
            })
            .collect();
        if reasons.is_empty() {
            format!("Week {week} played: nothing notable here.")
        } else {
            format!("Week {week} played: {}.", reasons.join("; "))
        }
    }

    /// Take over from the week shown: a new run with this run as its parent,
    /// verified as its charts are rebuilt (one replay).
    fn fork(&self) -> Outcome {
        let original: Vec<Headline> = self.record.weeks.iter().map(|w| w.headline).collect();
        let record = crate::run::fork(&self.record, self.week);
        match Session::verified(&record, "fork") {
            Ok(session) => Outcome::Fork {
                session: Box::new(session),
                original,
            },
            Err(e) => Outcome::Say(format!("Cannot fork here: {e}")),
        }
    }

    /// Draw the week shown, read-only, with the replay's keys and timeline.
    pub fn render(&self, f: &Frame, area: Rect, buf: &mut Buffer) {
        let timeline = self.shown.render_as(f, Context::Replay, true, area, buf);
        self.render_timeline(f.theme, timeline, buf);
    }

    /// The run as a bar: where we are, and the notable moments.
    fn render_timeline(&self, t: Theme, area: Rect, buf: &mut Buffer) {
        let label = match &self.jump {
            Some(j) => format!(" go to week: {j}_ "),
            None => format!(
                " {} {} w{}/{} ",
                if self.playing { "▶" } else { "‖" },
                self.speed_label(),
                self.week_shown(),
                self.len()
            ),
        };
        let width = area.width.saturating_sub(label.chars().count() as u16 + 2) as usize;
        if width < 2 {
            Line::raw(label).render(area, buf);
            return;
        }
        let total = self.len().max(1) as usize;
        let mut bar: Vec<char> = vec!['─'; width];
        for (w, m) in &self.markers {
            let at = (*w as usize * (width - 1)) / total;
            bar[at.min(width - 1)] = m.symbol();
        }
        let at = (self.week as usize * (width - 1)) / total;
        let (before, rest) = bar.split_at(at.min(width - 1));
        // The cursor takes the place of the mark under it.
        let after = &rest[1..];
        Line::from(vec![
            Span::styled(label, t.key()),
            Span::styled(before.iter().collect::<String>(), t.title()),
            Span::styled("●", t.key()),
            Span::styled(after.iter().collect::<String>(), t.dim()),
        ])
        .render(area, buf);
    }
}

/// The notable weeks of a run: a new stage, an influence move of 2 points or
/// more, an event (where nothing else is marked), the ending.
fn markers(
    history: &[WeekPoint],
    start: crate::engine::Stage,
    event_weeks: &[u32],
    record: &RunRecord,
) -> Vec<(u32, Marker)> {
    let mut markers = Vec::new();
    let mut stage = record.weeks.first().map(|_| start);
    let mut prev_influence = history.first().map_or(0.0, |w| w.influence);
    for w in history {
        if Some(w.stage) != stage {
            markers.push((w.week, Marker::Stage));
            stage = Some(w.stage);
        }
        if (w.influence - prev_influence).abs() * 100.0 >= 2.0 {
            markers.push((w.week, Marker::Influence));
        }
        prev_influence = w.influence;
    }
    for &week in event_weeks {
        if !markers.iter().any(|(w, _)| *w == week) {
            markers.push((week, Marker::Event));
        }
    }
    if record.ending.is_some() {
        markers.push((record.weeks.len() as u32, Marker::Ending));
    }
    markers.sort_by_key(|(w, _)| *w);
    markers
}
