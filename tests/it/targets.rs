//! The organisation panel's hiring rows say what their numbers do: a cap
//! shows as a cap, and the panel never advises what its controls refuse.

use std::sync::Arc;

use cto_sim::engine::{ReportingLine, Scenario};
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::Screen;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::Terminal;

fn text(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().to_string()
}

/// A company of `engineers` engineers and `managers` managers with `vps`
/// VPs reporting to the CTO, a few weeks in, its draft edited by `edit`.
fn company(vps: usize, engineers: u32, managers: u32, edit: impl Fn(&mut App)) -> App {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.start.vps = vec![ReportingLine::Cto; vps];
    sc.start.engineers = engineers;
    sc.start.managers = managers;
    let mut app = App::new_game(Arc::new(sc), 1);
    for _ in 0..2 {
        app.on_key(KeyEvent::from(KeyCode::Enter));
        if app.context() == Context::ConfirmEnd {
            app.on_key(KeyEvent::from(KeyCode::Char('y')));
        }
        app.close_dialogs();
    }
    edit(&mut app);
    app
}

fn draft(app: &mut App) -> &mut cto_sim::engine::Decision {
    match &mut app.screen {
        Screen::Week(w) => &mut w.draft,
        _ => panic!("a run is being played"),
    }
}

/// With as many VPs as the company can have and more managers than they
/// look after, the panel says the VPs are at the most, not "hire another"
/// (its VPs row would refuse one more), and the row shows its cap.
#[test]
fn at_the_most_vps_the_panel_shows_the_cap_and_does_not_ask_for_another() {
    let app = company(3, 90, 30, |_| {});
    let screen = text(&app);
    assert!(!screen.contains("hire another"), "{screen}");
    assert!(screen.contains("for 3 VPs (the most)."), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("VPs wanted"))
        .expect("the VPs row is drawn");
    assert!(row.contains("▶ max"), "{row}");
    // One VP fewer: the advice is to hire another, and the row has room.
    let app = company(2, 90, 30, |_| {});
    let screen = text(&app);
    assert!(screen.contains("hire another"), "{screen}");
    let row = screen.lines().find(|l| l.contains("VPs wanted")).unwrap();
    assert!(!row.contains("max"), "{row}");
}

/// An engineers target under the headcount hires nobody, and the row says
/// that nobody is let go for it.
#[test]
fn a_target_under_the_headcount_lets_no_one_go() {
    let mut app = company(0, 10, 1, |_| {});
    draft(&mut app).hiring.engineers = 6;
    let row = |app: &App| {
        text(app)
            .lines()
            .find(|l| l.contains("Engineers wanted"))
            .unwrap()
            .to_string()
    };
    assert!(row(&app).contains("none let go"), "{}", row(&app));
    draft(&mut app).hiring.engineers = 14;
    assert!(!row(&app).contains("let go"), "{}", row(&app));
}

/// A VP search with no offers out reads "coming: a VP in …", not
/// "coming: 0 offers, a VP in …".
#[test]
fn what_is_coming_names_only_what_is_coming() {
    let mut app = company(0, 12, 2, |_| {});
    let d = draft(&mut app);
    d.hiring.vps = 1;
    d.hiring.engineers = 0;
    app.on_key(KeyEvent::from(KeyCode::Enter));
    if app.context() == Context::ConfirmEnd {
        app.on_key(KeyEvent::from(KeyCode::Char('y')));
    }
    app.close_dialogs();
    let screen = text(&app);
    let line = screen
        .lines()
        .find(|l| l.contains("coming:"))
        .unwrap_or_else(|| panic!("a VP search is under way:\n{screen}"));
    assert!(line.contains("coming: a VP in"), "{line}");
    assert!(!line.contains("0 offers"), "{line}");
}
