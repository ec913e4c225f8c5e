//! Drawing the game: the screen that is up (with its own dialog), then the
//! overlay over it. Read-only: drawing takes `&App` and changes nothing, not
//! even through a `Cell`; what depends on the layout is worked out when a key
//! or a click arrives.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::App;
use super::screens::protocol::Frame;
use super::screens::Screen;
use super::widgets::{fits, too_small};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if !fits(area) {
            too_small(area, buf, t);
            return;
        }
        let saving = self.autosave.warning();
        let frame = Frame {
            theme: t,
            status: self.status.as_deref(),
            // Saving trouble is about the run being played, not one watched.
            saving: saving
                .as_deref()
                .filter(|_| !matches!(self.screen, Screen::Replay(_))),
            focused: self.overlay.is_none(),
        };
        self.screen.render(&frame, area, buf);
        if let Some(overlay) = &self.overlay {
            let par = self.screen.par();
            overlay.render(self.screen.help_view(&par), &self.quit_note(), t, area, buf);
        }
    }
}

impl App {
    /// What quitting now does to the run being played.
    fn quit_note(&self) -> String {
        if self.screen.played().is_none() {
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
