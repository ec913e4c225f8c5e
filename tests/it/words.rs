//! The game's words: one of anything reads in the singular ("1 engineer",
//! "a VP in 1 week"), on the screen and in the run's story.

use std::sync::Arc;

use cto_sim::engine::{ReportingLine, Scenario};
use cto_sim::ui::app::App;
use cto_sim::ui::screens::Screen;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn text(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// A company of one engineer, one manager and a VP, searching for another
/// VP: the org chart counts each in the singular, down to the search's last
/// week.
#[test]
fn one_of_anything_reads_in_the_singular_on_the_week_screen() {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.events.clear();
    sc.start.engineers = 1;
    sc.start.managers = 1;
    sc.start.vps = vec![ReportingLine::Cto];
    let mut app = App::new_game(Arc::new(sc), 1);
    let mut seen = false;
    for _ in 0..20 {
        if let Screen::Week(week) = &mut app.screen {
            week.draft.hiring.vps = 2;
            week.draft.hiring.engineers = 1;
            week.draft.hiring.managers = 1;
        }
        app.end_week();
        app.close_dialogs();
        let s = app.state().unwrap();
        if s.people.vp_search == Some(1) && s.people.engineers() == 1 && s.people.managers == 1 {
            seen = true;
            break;
        }
    }
    assert!(
        seen,
        "the search never reached its last week with the team intact"
    );
    let shown = text(&app, 120, 40);
    assert!(shown.contains("a VP in 1 week"), "{shown}");
    assert!(shown.contains("└─ 1 manager, 1 engineer"), "{shown}");
    for wrong in ["1 weeks", "1 engineers", "1 managers", "1 offers"] {
        assert!(!shown.contains(wrong), "`{wrong}`:\n{shown}");
    }
}
