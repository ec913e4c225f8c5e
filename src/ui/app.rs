//! The game as the terminal shows it: screens, the decision being drafted, the
//! history for charts. `App` never touches the terminal: keys come in as
//! `KeyEvent`s and the view reads `&App`, so the whole game can be driven and
//! checked in tests.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::keymap::{action_for, Action, Context};
use super::text;
use super::theme::Theme;
use crate::engine::ledger::LedgerEntry;
use crate::engine::{Answer, Attention, Decision, Game, ReportingLine, Stage, State, HOURS_RANGE};
use crate::run::{Headline, Recording, RunRecord, WeekRecord};
use crate::scenario::{self, Scenario};

/// Which screen is up.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Title { cursor: usize },
    Picker { cursor: usize, seed: String },
    Week,
    End,
    Replay,
}

/// A dialog over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Quit,
    ConfirmEnd,
    /// Answering pending event `index`, with the cursor on a choice.
    Event {
        index: usize,
        cursor: usize,
    },
}

/// The two editable panels of the week screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Attention,
    Org,
}

/// The views of the lower right area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Why,
    Charts,
    News,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Why, Tab::Charts, Tab::News];
    fn next(self) -> Tab {
        match self {
            Tab::Why => Tab::Charts,
            Tab::Charts => Tab::News,
            Tab::News => Tab::Why,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Tab::Why => "Why",
            Tab::Charts => "Charts",
            Tab::News => "News",
        }
    }
}

/// The title menu.
pub const TITLE_ITEMS: [&str; 5] = ["New game", "Continue", "Replays", "Help", "Quit"];

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
    pub attention: Attention,
    /// The influence ledger of the week.
    pub ledger: Vec<LedgerEntry>,
}

/// Rows of the attention panel.
pub const ATTENTION_ROWS: usize = 6;

/// The terminal game.
pub struct App {
    pub screen: Screen,
    pub overlay: Overlay,
    pub game: Option<Game>,
    pub draft: Decision,
    pub panel: Panel,
    pub row: usize,
    pub tab: Tab,
    pub history: Vec<WeekPoint>,
    /// (week, line) news log, newest last.
    pub log: Vec<(u32, String)>,
    /// A line under the header: what just happened or what went wrong.
    pub status: Option<String>,
    pub quit: bool,
    /// Whether the screen must be drawn again.
    pub dirty: bool,
    /// Scenarios offered by the picker.
    pub listing: Vec<scenario::Listing>,
    /// Colours (or not).
    pub theme: Theme,
    /// Where the view drew the four attention bars (row, column, width), for
    /// mouse clicks. Written by the view, read by the input.
    pub bar_hits: Cell<[(u16, u16, u16); 4]>,
    /// The run file being written as the run is played.
    pub record: Option<RunRecord>,
    /// Where the shell autosaves `record` after every week (none: not saved).
    pub save_path: Option<PathBuf>,
    /// A week was played since the last save.
    pub save_needed: bool,
    /// The run being watched, in replay.
    pub replay: Option<super::replay::Replay>,
    /// In a fork: the original run's headline figures, week by week, for the
    /// side-by-side comparison.
    pub original: Option<Vec<Headline>>,
}

impl App {
    /// The title screen.
    pub fn title() -> App {
        App {
            screen: Screen::Title { cursor: 0 },
            overlay: Overlay::None,
            game: None,
            draft: Decision::default(),
            panel: Panel::Attention,
            row: 0,
            tab: Tab::Why,
            history: Vec::new(),
            log: Vec::new(),
            status: None,
            quit: false,
            dirty: true,
            listing: Vec::new(),
            theme: Theme::from_env(),
            bar_hits: Cell::new([(0, 0, 0); 4]),
            record: None,
            save_path: None,
            save_needed: false,
            replay: None,
            original: None,
        }
    }

    /// Resume a recorded run where it stopped (the weeks are replayed to rebuild
    /// the charts and the news); autosaves go to `path`.
    pub fn resume(recording: Recording, path: Option<PathBuf>) -> App {
        let scenario = Arc::new(recording.game.scenario().clone());
        let mut app = App::play(scenario, recording.record.seed);
        app.record = Some(RunRecord {
            weeks: Vec::new(),
            ending: None,
            ..recording.record.clone()
        });
        for week in &recording.record.weeks {
            app.draft = week.decision.clone();
            app.overlay = Overlay::None;
            app.end_week();
        }
        app.save_path = path;
        app.save_needed = false;
        let weeks = recording.record.weeks.len();
        app.status = Some(format!("Resumed after week {weeks}."));
        if let Some(last) = recording.record.weeks.last() {
            app.draft.hours = last.decision.hours;
            app.draft.attention = last.decision.attention;
            app.draft.refactor_pct = last.decision.refactor_pct;
            app.draft.hiring = last.decision.hiring;
        }
        app
    }

    /// A new run, at week 1.
    pub fn play(scenario: Arc<Scenario>, seed: u64) -> App {
        let mut app = App::title();
        app.start(scenario, seed);
        app
    }

    fn start(&mut self, scenario: Arc<Scenario>, seed: u64) {
        self.record = Some(RunRecord::new(&scenario, seed));
        self.save_path = crate::run::latest_path();
        self.save_needed = false;
        let game = Game::new(scenario, seed);
        self.draft = first_draft(game.state());
        self.history.clear();
        self.log = vec![(
            0,
            format!("Week 1 at {}. Seed {seed}.", game.scenario().name),
        )];
        self.status = Some("Set your week, then press Enter to play it. ? shows every key.".into());
        self.game = Some(game);
        self.screen = Screen::Week;
        self.overlay = Overlay::None;
        self.panel = Panel::Attention;
        self.row = 0;
        self.dirty = true;
    }

    /// The state of the run, if one is being played.
    pub fn state(&self) -> Option<&State> {
        self.game.as_ref().map(Game::state)
    }

    /// The context that decides which keys apply.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::Help => Context::Help,
            Overlay::Quit => Context::Quit,
            Overlay::ConfirmEnd => Context::ConfirmEnd,
            Overlay::Event { .. } => Context::Event,
            Overlay::None => self.base_context(),
        }
    }

    /// The screen's context, ignoring dialogs (what help describes).
    pub fn base_context(&self) -> Context {
        match self.screen {
            Screen::Title { .. } => Context::Title,
            Screen::Picker { .. } => Context::Picker,
            Screen::Week => Context::Week,
            Screen::End => Context::End,
            Screen::Replay => Context::Replay,
        }
    }

    /// A key from the terminal. Only presses count (not releases or repeats of
    /// a release), in this one place.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if let Some(action) = action_for(self.context(), key) {
            self.act(action);
        }
    }

    /// The terminal was resized.
    pub fn on_resize(&mut self) {
        self.dirty = true;
    }

    /// Carry out `action` in the current context.
    pub fn act(&mut self, action: Action) {
        self.dirty = true;
        match self.context() {
            Context::Help => {
                if matches!(action, Action::Back | Action::Help) {
                    self.overlay = Overlay::None;
                }
            }
            Context::Quit => match action {
                Action::Yes => self.quit = true,
                Action::No => self.overlay = Overlay::None,
                _ => {}
            },
            Context::ConfirmEnd => match action {
                Action::Yes => {
                    self.overlay = Overlay::None;
                    self.end_week();
                }
                Action::No => self.overlay = Overlay::None,
                _ => {}
            },
            Context::Event => self.act_event(action),
            Context::Title => self.act_title(action),
            Context::Picker => self.act_picker(action),
            Context::Week => self.act_week(action),
            Context::Replay => self.act_replay(action),
            Context::End => match action {
                Action::Quit => self.overlay = Overlay::Quit,
                Action::Help => self.overlay = Overlay::Help,
                Action::Select => *self = App::title(),
                _ => {}
            },
        }
    }

    fn act_title(&mut self, action: Action) {
        let Screen::Title { cursor } = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => *cursor = cursor.checked_sub(1).unwrap_or(TITLE_ITEMS.len() - 1),
            Action::Down => *cursor = (*cursor + 1) % TITLE_ITEMS.len(),
            Action::Help => self.overlay = Overlay::Help,
            Action::Quit => self.overlay = Overlay::Quit,
            Action::Select => match TITLE_ITEMS[*cursor] {
                "New game" => {
                    self.listing = scenario::list().into_iter().filter(|l| l.valid).collect();
                    self.screen = Screen::Picker {
                        cursor: 0,
                        seed: String::new(),
                    };
                }
                "Continue" => self.continue_latest(),
                "Replays" => {
                    self.status = Some(
                        "Replays are not in this version yet; `cto-sim verify FILE` checks a run."
                            .into(),
                    );
                }
                "Help" => self.overlay = Overlay::Help,
                _ => self.overlay = Overlay::Quit,
            },
            _ => {}
        }
    }

    /// Load the autosave (or its backup) and resume it.
    fn continue_latest(&mut self) {
        let Some(path) = crate::run::latest_path() else {
            self.status = Some("No data folder, so no saved run.".into());
            return;
        };
        if !path.exists() && !crate::run::backup_path(&path).exists() {
            self.status = Some("No saved run yet: start a new game.".into());
            return;
        }
        match crate::run::load_with_backup(&path) {
            Ok(loaded) => {
                let fell_back = loaded.fell_back.is_some();
                *self = App::resume(loaded.verified.recording, Some(path));
                if fell_back {
                    self.status = Some("The save was damaged; resumed from the backup.".into());
                }
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    fn act_picker(&mut self, action: Action) {
        let Screen::Picker { cursor, seed } = &mut self.screen else {
            return;
        };
        let n = self.listing.len().max(1);
        match action {
            Action::Up => *cursor = cursor.checked_sub(1).unwrap_or(n - 1),
            Action::Down => *cursor = (*cursor + 1) % n,
            Action::Digit(d) if seed.len() < 19 => seed.push(char::from(b'0' + d)),
            Action::Erase => {
                seed.pop();
            }
            Action::Back => self.screen = Screen::Title { cursor: 0 },
            Action::Help => self.overlay = Overlay::Help,
            Action::Quit => self.overlay = Overlay::Quit,
            Action::Select => {
                let seed = seed.parse::<u64>().unwrap_or(1);
                let Some(choice) = self.listing.get(*cursor) else {
                    return;
                };
                let arg = match &choice.source {
                    scenario::Source::Builtin => choice.name.clone(),
                    scenario::Source::User(p) | scenario::Source::Path(p) => {
                        p.display().to_string()
                    }
                };
                match scenario::resolve(&arg) {
                    Ok((checked, _)) => self.start(Arc::new(checked.scenario), seed),
                    Err(e) => self.status = Some(e.to_string()),
                }
            }
            _ => {}
        }
    }

    fn act_week(&mut self, action: Action) {
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(self.rows().saturating_sub(1)),
            Action::Left => self.adjust(-1),
            Action::Right => self.adjust(1),
            Action::BigLeft => self.adjust(-4),
            Action::BigRight => self.adjust(4),
            Action::NextPanel | Action::PrevPanel => {
                self.panel = match self.panel {
                    Panel::Attention => Panel::Org,
                    Panel::Org => Panel::Attention,
                };
                self.row = 0;
            }
            Action::NextTab => self.tab = self.tab.next(),
            Action::Par => {
                if let Some(s) = self.state() {
                    self.draft.attention =
                        crate::engine::stage::par(s.company.stage, s.people.engineers());
                    self.status = Some("Attention set to the stage's par.".into());
                }
            }
            Action::OpenEvent => self.open_next_event(true),
            Action::EndWeek => {
                if self.unanswered() > 0 {
                    self.overlay = Overlay::ConfirmEnd;
                } else {
                    self.end_week();
                }
            }
            Action::Help => self.overlay = Overlay::Help,
            Action::Quit => self.overlay = Overlay::Quit,
            _ => {}
        }
    }

    fn act_event(&mut self, action: Action) {
        let Overlay::Event { index, cursor } = self.overlay else {
            return;
        };
        let choices = self.event_choices(index);
        match action {
            Action::Up => {
                self.overlay = Overlay::Event {
                    index,
                    cursor: cursor.checked_sub(1).unwrap_or(choices.saturating_sub(1)),
                }
            }
            Action::Down => {
                self.overlay = Overlay::Event {
                    index,
                    cursor: (cursor + 1) % choices.max(1),
                }
            }
            Action::Select => {
                self.draft.answers.retain(|a| a.pending != index);
                self.draft.answers.push(Answer {
                    pending: index,
                    choice: cursor,
                });
                self.overlay = Overlay::None;
                self.open_next_event(false);
            }
            Action::Back => {
                self.overlay = Overlay::None;
                self.status = Some("Left unanswered for now: e to answer, or the organisation decides when the week ends.".into());
            }
            Action::Help => self.overlay = Overlay::Help,
            _ => {}
        }
    }

    fn event_choices(&self, index: usize) -> usize {
        let Some(game) = &self.game else { return 0 };
        game.state()
            .pending
            .get(index)
            .and_then(|p| game.scenario().events.get(p.event))
            .map_or(0, |e| e.choices.len())
    }

    /// Pending events without an answer in the draft.
    pub fn unanswered(&self) -> usize {
        self.state().map_or(0, |s| {
            (0..s.pending.len())
                .filter(|i| !self.draft.answers.iter().any(|a| a.pending == *i))
                .count()
        })
    }

    fn open_next_event(&mut self, include_answered: bool) {
        let Some(s) = self.state() else { return };
        let next = (0..s.pending.len())
            .find(|i| include_answered || !self.draft.answers.iter().any(|a| a.pending == *i));
        match next {
            Some(index) => {
                let cursor = self
                    .draft
                    .answers
                    .iter()
                    .find(|a| a.pending == index)
                    .map_or(0, |a| a.choice);
                self.overlay = Overlay::Event { index, cursor };
            }
            None if include_answered => self.status = Some("No events are waiting.".into()),
            None => {}
        }
    }

    /// Rows of the focused panel.
    pub fn rows(&self) -> usize {
        match self.panel {
            Panel::Attention => ATTENTION_ROWS,
            Panel::Org => 3 + self.state().map_or(0, |s| s.people.vps.len()),
        }
    }

    /// Change the focused row by `steps` (±1 or ±4).
    fn adjust(&mut self, steps: i32) {
        let d = &mut self.draft;
        match (self.panel, self.row) {
            (Panel::Attention, r @ 0..=3) => {
                let now = share(&d.attention, r) as i32;
                let target = (now + 5 * steps).clamp(0, 100) as u8;
                d.attention = rebalance(d.attention, r, target);
            }
            (Panel::Attention, 4) => {
                let delta = if steps.abs() > 1 {
                    5 * steps.signum()
                } else {
                    steps
                };
                let h = i32::from(d.hours) + delta;
                d.hours = h.clamp(i32::from(HOURS_RANGE.0), i32::from(HOURS_RANGE.1)) as u8;
            }
            (Panel::Attention, _) => {
                let max = self
                    .game
                    .as_ref()
                    .map_or(40, |g| g.scenario().params.engineering.max_refactor_pct);
                d.refactor_pct =
                    (i32::from(d.refactor_pct) + 5 * steps.signum()).clamp(0, i32::from(max)) as u8;
            }
            (Panel::Org, 0) => d.hiring.engineers = bump(d.hiring.engineers, steps, 2000),
            (Panel::Org, 1) => d.hiring.managers = bump(d.hiring.managers, steps, 500),
            (Panel::Org, 2) => {
                let max = self
                    .game
                    .as_ref()
                    .map_or(1, |g| g.scenario().params.hiring.max_vps);
                d.hiring.vps = bump(d.hiring.vps, steps.signum(), max);
            }
            (Panel::Org, r) => {
                let i = r - 3;
                let Some(s) = self.game.as_ref().map(Game::state) else {
                    return;
                };
                while d.vp_lines.len() < s.people.vps.len() {
                    d.vp_lines.push(s.people.vps[d.vp_lines.len()].line);
                }
                if let Some(line) = d.vp_lines.get_mut(i) {
                    *line = cycle_line(*line, steps.signum());
                }
            }
        }
    }

    /// Set the focused attention row from a click on its bar.
    pub fn on_mouse(&mut self, ev: MouseEvent, bars: &[(u16, u16, u16)]) {
        // `bars`: (row on screen, first column, width) of the four share bars.
        if self.context() != Context::Week {
            return;
        }
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) | MouseEventKind::Drag(MouseButton::Left) => {
                for (i, &(y, x, w)) in bars.iter().enumerate() {
                    if ev.row == y && ev.column >= x && ev.column < x + w && w > 0 {
                        let pct = (u32::from(ev.column - x + 1) * 100 / u32::from(w)) as u8;
                        let pct = (pct + 2) / 5 * 5;
                        self.draft.attention = rebalance(self.draft.attention, i, pct.min(100));
                        self.panel = Panel::Attention;
                        self.row = i;
                        self.dirty = true;
                    }
                }
            }
            MouseEventKind::ScrollUp => {
                self.adjust(1);
                self.dirty = true;
            }
            MouseEventKind::ScrollDown => {
                self.adjust(-1);
                self.dirty = true;
            }
            _ => {}
        }
    }

    /// Play the drafted week.
    pub fn end_week(&mut self) {
        let Some(game) = self.game.as_mut() else {
            return;
        };
        let before = game.state().metrics.influence;
        let week = game.state().week + 1;
        let hash = match game.step(&self.draft) {
            Ok(hash) => hash,
            Err(e) => {
                self.status = Some(format!("That week can't be played: {e}."));
                return;
            }
        };
        let s = game.state();
        if let Some(record) = self.record.as_mut() {
            record.weeks.push(WeekRecord {
                decision: self.draft.clone(),
                hash,
                headline: Headline::of(s),
            });
            record.ending = s.ending.map(|e| game.scenario().ending_id(e).to_string());
            self.save_needed = true;
        }
        let scenario = game.scenario();
        self.history.push(WeekPoint {
            week: s.week,
            stage: s.company.stage,
            influence: s.metrics.influence,
            authority: s.power.legitimate,
            arr: s.company.arr,
            cash: s.company.cash,
            velocity: s.metrics.velocity,
            debt_tax: s.metrics.debt_tax,
            morale: s.company.morale,
            attention: self.draft.attention,
            ledger: s.ledger.clone(),
        });
        for n in &s.news {
            self.log.push((week, text::news_line(n, s, scenario)));
        }
        let moved = (s.metrics.influence - before) * 100.0;
        self.status = Some(format!(
            "Week {week} played. Influence {:+.1} to {:.0}.",
            moved,
            s.metrics.influence * 100.0
        ));
        // Keep the player's settings; forget answers and follow the lines as they are.
        self.draft.answers.clear();
        self.draft.vp_lines = s.people.vps.iter().map(|v| v.line).collect();
        if s.ending.is_some() {
            self.screen = Screen::End;
            self.overlay = Overlay::None;
            self.tab = Tab::Why;
            return;
        }
        if !s.pending.is_empty() {
            self.open_next_event(false);
        }
    }
}

fn bump(x: u32, steps: i32, max: u32) -> u32 {
    (i64::from(x) + i64::from(steps)).clamp(0, i64::from(max)) as u32
}

fn cycle_line(line: ReportingLine, dir: i32) -> ReportingLine {
    const ORDER: [ReportingLine; 3] = [
        ReportingLine::Cto,
        ReportingLine::Ceo { forum: true },
        ReportingLine::Ceo { forum: false },
    ];
    let i = ORDER.iter().position(|l| *l == line).unwrap_or(0) as i32;
    ORDER[(i + dir).rem_euclid(3) as usize]
}

/// One of the four attention shares by position (strategy, hiring, coding, management).
pub fn share(a: &Attention, i: usize) -> u8 {
    match i {
        0 => a.strategy,
        1 => a.hiring,
        2 => a.coding,
        _ => a.management,
    }
}

/// Set share `i` to `value` and spread the rest over the other three in
/// proportion to what they had (largest remainder), so the four always sum to 100.
pub fn rebalance(a: Attention, i: usize, value: u8) -> Attention {
    let value = value.min(100);
    let mut shares = [a.strategy, a.hiring, a.coding, a.management].map(u32::from);
    let rest = 100 - u32::from(value);
    let others: Vec<usize> = (0..4).filter(|&j| j != i).collect();
    let total: u32 = others.iter().map(|&j| shares[j]).sum();
    let weights: Vec<u32> = if total == 0 {
        vec![1; 3]
    } else {
        others.iter().map(|&j| shares[j]).collect()
    };
    let wsum: u32 = weights.iter().sum();
    let mut given = 0;
    let mut remainders = Vec::new();
    for (k, &j) in others.iter().enumerate() {
        let exact = rest * weights[k];
        shares[j] = exact / wsum;
        given += shares[j];
        remainders.push((exact % wsum, k));
    }
    // Hand out what rounding left over, biggest remainders first (ties: order).
    remainders.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, k) in remainders.into_iter().take((rest - given) as usize) {
        shares[others[k]] += 1;
    }
    shares[i] = u32::from(value);
    Attention::new(
        shares[0] as u8,
        shares[1] as u8,
        shares[2] as u8,
        shares[3] as u8,
    )
}

/// The decision a new run starts from: the stage's par, sensible hours, the
/// current headcount as targets.
fn first_draft(s: &State) -> Decision {
    Decision {
        hours: 48,
        attention: crate::engine::stage::par(s.company.stage, s.people.engineers()),
        refactor_pct: 15,
        hiring: crate::engine::Hiring {
            engineers: s.people.engineers(),
            managers: s.people.managers,
            vps: s.people.vps.len() as u32,
        },
        vp_lines: s.people.vps.iter().map(|v| v.line).collect(),
        answers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebalancing_always_sums_to_100() {
        let a = Attention::new(35, 15, 35, 15);
        for i in 0..4 {
            for v in [0u8, 5, 33, 50, 99, 100] {
                let b = rebalance(a, i, v);
                assert_eq!(b.total(), 100, "{b:?}");
                assert_eq!(share(&b, i), v);
            }
        }
        let all = Attention::new(100, 0, 0, 0);
        assert_eq!(rebalance(all, 0, 70), Attention::new(70, 10, 10, 10));
    }
}
