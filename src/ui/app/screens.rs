//! What each screen's keys do to the `App`: the title, the run history, the
//! scenario picker, the week, an event dialog and a replay each answer with
//! what they need, and these carry it out.

use super::{App, Overlay, Screen};
use crate::ui::autosave::{why_not_continued, Autosave};
use crate::ui::keymap::Action;
use crate::ui::screens::dialog::{self, DialogAsk};
use crate::ui::screens::picker::{Picked, Picker};
use crate::ui::screens::replay::ReplayAsk;
use crate::ui::screens::runs::{Runs, RunsAsk};
use crate::ui::screens::title::{MenuItem, Title};
use crate::ui::screens::week::WeekAsk;

impl App {
    pub(super) fn act_title(&mut self, action: Action) {
        let Screen::Title(title) = &mut self.screen else {
            return;
        };
        match title.act(action) {
            None => {}
            Some(MenuItem::NewGame) => {
                self.picker = Some(Picker::new());
                self.screen = Screen::Picker;
            }
            Some(MenuItem::Continue) => self.continue_latest(),
            Some(MenuItem::Replays) => {
                self.runs = Some(Runs::load());
                self.screen = Screen::Runs;
                self.status = None;
            }
            Some(MenuItem::Help) => self.overlay = Overlay::Help,
            Some(MenuItem::Quit) => self.overlay = Overlay::Quit,
        }
    }

    /// Become `next` (a new game, a replay, a resumed run), keeping the
    /// colours the player chose for this session.
    fn switch_to(&mut self, next: App) {
        let theme = self.theme;
        *self = next;
        self.theme = theme;
    }

    /// Load the autosave (or its backup) and resume it.
    pub(super) fn continue_latest(&mut self) {
        match crate::run::load_latest(None) {
            Ok(resumed) => self.switch_to(App::continued(resumed)),
            Err(e) => self.status = Some(why_not_continued(&e)),
        }
    }

    pub(super) fn act_runs(&mut self, action: Action) {
        let Some(runs) = self.runs.as_mut() else {
            return;
        };
        match runs.act(action) {
            None => {}
            Some(RunsAsk::Say(s)) => self.status = Some(s),
            Some(RunsAsk::Replay(path)) => match crate::run::load_verified(&path) {
                Ok(v) => self.switch_to(App::replay(v.recording)),
                Err(e) => self.status = Some(e.to_string()),
            },
            Some(RunsAsk::Continue(path)) => match crate::run::load_latest(Some(path)) {
                Ok(resumed) => self.switch_to(App::continued(resumed)),
                Err(e) => self.status = Some(why_not_continued(&e)),
            },
            Some(RunsAsk::Fork(path)) => match crate::run::take_over(&path) {
                Ok(fork) => self.switch_to(App::forked(fork)),
                Err(e) => self.status = Some(e.to_string()),
            },
            Some(RunsAsk::Report(path)) => self.status = Some(write_report(&path)),
            Some(RunsAsk::Back) => {
                self.runs = None;
                self.screen = Screen::Title(Title::default());
            }
            Some(RunsAsk::Help) => self.overlay = Overlay::Help,
            Some(RunsAsk::Quit) => self.overlay = Overlay::Quit,
        }
    }

    pub(super) fn act_picker(&mut self, action: Action) {
        let Some(picker) = self.picker.as_mut() else {
            return;
        };
        match picker.act(action) {
            None => {}
            Some(Picked::Start(scenario, seed)) => self.switch_to(App::new_game(scenario, seed)),
            Some(Picked::Failed(why)) => self.status = Some(why),
            Some(Picked::Back) => {
                self.picker = None;
                self.screen = Screen::Title(Title::default());
            }
            Some(Picked::Help) => self.overlay = Overlay::Help,
            Some(Picked::Quit) => self.overlay = Overlay::Quit,
        }
    }

    pub(super) fn act_week(&mut self, action: Action) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        match play.act(action) {
            None => {}
            Some(WeekAsk::Say(s)) => self.status = Some(s),
            Some(WeekAsk::OpenEvent) => self.open_next_event(true),
            Some(WeekAsk::EndWeek) => match play.handover() {
                Some(vp) => self.overlay = Overlay::ConfirmHandover { vp },
                None => self.confirm_unanswered(),
            },
            Some(WeekAsk::Help) => self.overlay = Overlay::Help,
            Some(WeekAsk::Quit) => self.overlay = Overlay::Quit,
        }
    }

    /// End the week, asking first if events are unanswered.
    pub(super) fn confirm_unanswered(&mut self) {
        if self.play.as_ref().is_some_and(|p| p.unanswered() > 0) {
            self.overlay = Overlay::ConfirmEnd;
        } else {
            self.end_week();
        }
    }

    pub(super) fn act_event(&mut self, action: Action) {
        let (Overlay::Event { index, cursor }, Some(play)) = (self.overlay, self.play.as_mut())
        else {
            return;
        };
        match dialog::act(cursor, play.event_choices(index), action) {
            None => {}
            Some(DialogAsk::Move(cursor)) => self.overlay = Overlay::Event { index, cursor },
            Some(DialogAsk::Answer(choice)) => {
                play.answer(index, choice);
                self.status = None;
                self.overlay = Overlay::None;
                self.open_next_event(false);
            }
            Some(DialogAsk::Leave) => {
                self.overlay = Overlay::None;
                self.status = Some("Left unanswered for now: e to answer, or the organisation decides when the week ends.".into());
            }
            Some(DialogAsk::Help) => self.overlay = Overlay::Help,
            Some(DialogAsk::Scroll(by)) => {
                let limit = i32::from(self.scroll_limits.dialog.get());
                self.dialog_scroll = (i32::from(self.dialog_scroll) + by).clamp(0, limit) as u16;
            }
        }
    }

    pub(super) fn act_replay(&mut self, action: Action) {
        let Some(replay) = self.replay.as_mut() else {
            return;
        };
        let ask = replay.act(action);
        self.status = Some(replay.status());
        match ask {
            None => {}
            Some(ReplayAsk::Say(s)) => self.status = Some(s),
            Some(ReplayAsk::Help) => self.overlay = Overlay::Help,
            Some(ReplayAsk::Quit) => self.overlay = Overlay::Quit,
            Some(ReplayAsk::Fork(play)) => {
                let week = play.state().week;
                self.start(*play, Autosave::new_run());
                self.status = Some(format!(
                    "You took over after week {week}. This is a new run; the original is unchanged."
                ));
            }
        }
    }

    pub(super) fn open_next_event(&mut self, include_answered: bool) {
        let Some(play) = &self.play else { return };
        match play.next_event(include_answered) {
            Some((index, cursor)) => {
                self.overlay = Overlay::Event { index, cursor };
                self.dialog_scroll = 0;
            }
            None if include_answered => self.status = Some("No events are waiting.".into()),
            None => {}
        }
    }
}

/// Write the story of the run in `path` to a Markdown file beside it; what
/// happened, in a sentence.
fn write_report(path: &std::path::Path) -> String {
    match crate::ui::story::report(path) {
        Ok(story) => {
            let md = path.with_extension("md");
            // Atomically, and replacing a link rather than writing where it points.
            match crate::run::write_text_atomic(&md, &story) {
                Ok(()) => format!("The story is in {}", md.display()),
                Err(e) => format!("Cannot write {}: {e}", md.display()),
            }
        }
        Err(e) => e.to_string(),
    }
}
