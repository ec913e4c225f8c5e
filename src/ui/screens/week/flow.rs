//! Ending the week and the dialogs on the way: Enter asks first if the draft
//! hands a VP to the CEO, then if events are unanswered, and plays the week
//! once both are settled; then the next event waiting opens. All of it on the
//! week screen: the app only hears that a week was played.

use ratatui::layout::Rect;

use super::coach::Coach;
use super::dialog::{Dialog, EventDialog};
use super::{Tab, Week};
use crate::engine::draft::follow_events;
use crate::engine::{Answer, ReportingLine};
use crate::ui::keymap::Action;
use crate::ui::screens::protocol::Outcome;

impl Week {
    /// The keys of the dialog that is open.
    pub(super) fn on_dialog_action(&mut self, action: Action, area: Option<Rect>) -> Outcome {
        match action {
            Action::Help => return Outcome::Help,
            Action::Quit => return Outcome::Quit,
            _ => {}
        }
        let Some(dialog) = self.dialog.take() else {
            return Outcome::Stay;
        };
        match (dialog, action) {
            (Dialog::Event(event), Action::Select) => {
                self.answer(event.index, event.cursor);
                self.open_next_event(false);
                Outcome::Hush
            }
            (Dialog::Event(event), Action::Coach) => {
                self.dialog = Some(Dialog::Coach {
                    coach: Coach::default(),
                    from: Some(event),
                });
                Outcome::Stay
            }
            (Dialog::Coach { .. }, Action::Apply) => self.apply_coach(),
            (Dialog::Coach { from, .. }, Action::Back) => {
                self.dialog = from.map(Dialog::Event);
                Outcome::Stay
            }
            (Dialog::Coach { mut coach, from }, Action::ScrollUp | Action::ScrollDown) => {
                let down = if action == Action::ScrollDown { 1 } else { -1 };
                coach.scroll_by(down, &self.session, &self.draft, area);
                self.dialog = Some(Dialog::Coach { coach, from });
                Outcome::Stay
            }
            (Dialog::Event(_), Action::Back) => Outcome::Say(
                "Left unanswered for now: e to answer, or the organisation decides when the week ends."
                    .into(),
            ),
            (Dialog::Event(mut event), action) => {
                event.on_action(action, &self.session, area);
                self.dialog = Some(Dialog::Event(event));
                Outcome::Stay
            }
            (Dialog::ConfirmHandover { .. }, Action::Yes) => self.end_week_if_answered(),
            (Dialog::ConfirmEnd { .. }, Action::Yes) => self.play_week(),
            (_, Action::No) => Outcome::Stay,
            (dialog, _) => {
                self.dialog = Some(dialog);
                Outcome::Stay
            }
        }
    }

    /// The coach's key: its advice, all of it, becomes the draft (events
    /// left to the organisation, as the reference CTO leaves them).
    fn apply_coach(&mut self) -> Outcome {
        let advice = crate::policy::advise(self.state(), self.session.scenario());
        self.draft = advice.decision;
        self.coached = true;
        let events = if self.state().pending.is_empty() {
            ""
        } else {
            " Events are left to the organisation, as the coach leaves them."
        };
        Outcome::Say(format!(
            "The coach's advice is your draft: Enter plays it, or change anything first.{events}"
        ))
    }

    /// Enter: play the drafted week, asking first if it hands a VP to the
    /// CEO or leaves events unanswered.
    pub(super) fn end_week(&mut self) -> Outcome {
        match self.handover() {
            Some(vp) => {
                self.dialog = Some(Dialog::ConfirmHandover { vp });
                Outcome::Stay
            }
            None => self.end_week_if_answered(),
        }
    }

    /// Play the drafted week, asking first if events are unanswered.
    fn end_week_if_answered(&mut self) -> Outcome {
        match self.unanswered() {
            0 => self.play_week(),
            unanswered => {
                self.dialog = Some(Dialog::ConfirmEnd { unanswered });
                Outcome::Stay
            }
        }
    }

    /// Play the drafted week now; then the first event waiting opens.
    pub fn play_week(&mut self) -> Outcome {
        let before = self.state().metrics.influence;
        let locked = self.locked_requests();
        if let Err(e) = self.session.step(&self.draft) {
            return Outcome::Say(format!("That week can't be played: {e}."));
        }
        if std::mem::take(&mut self.coached) {
            self.session.recording.record.mark_coached();
        }
        let s = self.session.state();
        let moved = (s.metrics.influence - before) * 100.0;
        let mut said = format!(
            "Week {} played. Influence {:+.1} to {:.0}.",
            s.week,
            moved,
            s.metrics.influence * 100.0
        );
        for (vp, until) in locked {
            said.push(' ');
            said.push_str(&crate::ui::reporting::locked_words(vp, until));
        }
        // Keep the player's settings; forget answers and follow the lines as
        // they are, and the targets as the week's events moved them.
        self.draft.answers.clear();
        self.why_scroll = Default::default();
        follow_events(&mut self.draft.hiring, s, self.session.scenario());
        self.draft.vp_lines = s.people.vps.iter().map(|v| v.line).collect();
        let ended = s.ending.is_some();
        if ended {
            self.tab = Tab::Why;
        } else {
            self.open_next_event(false);
        }
        Outcome::Played { said, ended }
    }

    /// The reporting lines the draft asks the CEO for (a forum, or a VP
    /// back) that the CEO will not discuss this week, after refusing: each
    /// VP, and the week talks can start again. The week leaves them as they
    /// are, without news, so the screen must say so.
    pub fn locked_requests(&self) -> Vec<(usize, u32)> {
        let s = self.state();
        let next = s.week + 1;
        self.draft
            .vp_lines
            .iter()
            .zip(&s.people.vps)
            .enumerate()
            .filter(|(_, (new, vp))| {
                next < vp.refused_until && ceos_call(vp.line, **new) && **new != vp.line
            })
            .map(|(i, (_, vp))| (i, vp.refused_until))
            .collect()
    }

    /// The first VP the draft hands from the CTO to the CEO this week, if any.
    pub fn handover(&self) -> Option<usize> {
        let vps = &self.state().people.vps;
        self.draft
            .vp_lines
            .iter()
            .zip(vps)
            .position(|(new, vp)| vp.line == ReportingLine::Cto && *new != ReportingLine::Cto)
    }

    /// Pending events without an answer in the draft.
    pub fn unanswered(&self) -> usize {
        (0..self.state().pending.len())
            .filter(|i| !self.draft.answers.iter().any(|a| a.pending == *i))
            .count()
    }

    /// `e`: the first pending event, answered or not.
    pub(super) fn open_events(&mut self) -> Outcome {
        if self.open_next_event(true) {
            Outcome::Stay
        } else {
            Outcome::Say("No events are waiting.".into())
        }
    }

    /// Open the next pending event (the first unanswered one, or any when
    /// `include_answered`), with the cursor on its current answer, or else on
    /// the choice the organisation takes if it is left unanswered: a blind
    /// Enter changes nothing. `false` if there is none.
    pub fn open_next_event(&mut self, include_answered: bool) -> bool {
        let s = self.state();
        let answered = |i: usize| self.draft.answers.iter().find(|a| a.pending == i);
        let Some(index) = (0..s.pending.len()).find(|&i| include_answered || answered(i).is_none())
        else {
            return false;
        };
        let default = s
            .pending
            .get(index)
            .and_then(|p| self.session.scenario().events.get(p.event))
            .map_or(0, |e| {
                e.default_choice.min(e.choices.len().saturating_sub(1))
            });
        let cursor = answered(index).map_or(default, |a| a.choice);
        self.dialog = Some(Dialog::Event(EventDialog::new(index, cursor)));
        true
    }

    /// Answer pending event `index` with `choice` in the draft.
    pub fn answer(&mut self, index: usize, choice: usize) {
        self.draft.answers.retain(|a| a.pending != index);
        self.draft.answers.push(Answer {
            pending: index,
            choice,
        });
    }
}

/// Whether moving a VP from `old` to `new` needs the CEO's consent: sharing
/// the VP in a forum, or taking the VP back.
fn ceos_call(old: ReportingLine, new: ReportingLine) -> bool {
    new == (ReportingLine::Ceo { forum: true })
        || (matches!(old, ReportingLine::Ceo { .. }) && new == ReportingLine::Cto)
}
