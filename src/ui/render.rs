//! Drawing the game: the screen that is up, then the dialog over it. Read-only:
//! drawing never changes the game.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, Overlay, Screen};
use super::screens::week::{Frame, Week};
use super::screens::{dialog, end, help};
use super::widgets::{confirm, fits, too_small};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if !fits(area) {
            too_small(area, buf, t);
            return;
        }
        let status = self.status.as_deref();
        match &self.screen {
            Screen::Title(title) => title.render(t, status, area, buf),
            Screen::Picker => {
                if let Some(p) = &self.picker {
                    p.render(t, status, area, buf);
                }
            }
            Screen::Week | Screen::Replay => self.render_week(area, buf),
            Screen::Runs => {
                if let Some(r) = &self.runs {
                    r.render(t, status, area, buf);
                }
            }
            Screen::End => {
                if let Some(play) = &self.play {
                    let limit = end::render(play, t, self.end_scroll, area, buf);
                    self.scroll_limits.end.set(limit);
                }
            }
        }
        match self.overlay {
            Overlay::None => {}
            Overlay::Help => {
                let limit = help::render(self.base_context(), t, self.help_scroll, area, buf);
                self.scroll_limits.help.set(limit);
            }
            Overlay::Quit => confirm(area, buf, t, "Quit?", &[&self.quit_note()]),
            Overlay::ConfirmEnd => {
                let n = self.play.as_ref().map_or(0, Week::unanswered);
                let first = format!(
                    "{n} event{} unanswered: the organisation will settle {} without you.",
                    if n == 1 { " is" } else { "s are" },
                    if n == 1 { "it" } else { "them" }
                );
                confirm(area, buf, t, "End the week?", &[&first])
            }
            Overlay::ConfirmHandover { vp } => confirm(
                area,
                buf,
                t,
                &format!("Hand VP #{} to the CEO?", vp + 1),
                &["Your authority over their part of engineering fades within weeks (a forum keeps some of it, as much as you show up for it, if the CEO agrees to one), and taking the VP back is the CEO's call."],
            ),
            Overlay::Event { index, cursor } => {
                if let Some(play) = &self.play {
                    let limit =
                        dialog::render(play, t, (index, cursor, self.dialog_scroll), area, buf);
                    self.scroll_limits.dialog.set(limit);
                }
            }
        }
    }
}

impl App {
    fn render_week(&self, area: Rect, buf: &mut Buffer) {
        let Some(play) = self.shown() else { return };
        let replay = self
            .replay
            .as_ref()
            .filter(|_| self.screen == Screen::Replay);
        // Saving trouble first, then the ending that comes soonest.
        let warning = self
            .autosave
            .warning()
            .filter(|_| replay.is_none())
            .or_else(|| {
                let (s, sc) = (play.session.state(), play.session.scenario());
                crate::engine::risk::risks(s, sc)
                    .first()
                    .map(|r| super::warnings::risk_line(r, sc, s))
            });
        let frame = Frame {
            theme: self.theme,
            status: self.status.as_deref(),
            warning: warning.as_deref(),
            focused: self.overlay == Overlay::None,
            context: self.base_context(),
            timeline: replay.is_some(),
        };
        let timeline = play.render(&frame, area, buf);
        if let Some(r) = replay {
            r.render_timeline(self.theme, timeline, buf);
        }
    }

    fn quit_note(&self) -> String {
        if self.play.is_none() {
            "Leave cto-sim.".into()
        } else if let Some(warning) = self.autosave.warning() {
            format!("{warning}. Quitting now loses the weeks since.")
        } else if self.autosave.enabled() {
            "The run is saved after every week: `cto-sim continue` resumes it.".into()
        } else {
            "There is no data folder, so this run is not saved.".into()
        }
    }
}
