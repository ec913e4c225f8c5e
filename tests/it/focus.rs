//! Where the player's focus is, in the smallest terminal the game draws in:
//! every row the keys can reach is drawn when it has the focus, Tab comes
//! back to the row each panel had, the Why panel scrolls, the hint bar keeps
//! the keys a player could not guess, and without colour a mark shows the
//! focus.

use std::sync::Arc;

use cto_sim::engine::{ReportingLine, Scenario};
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::week::{Panel, Week};
use cto_sim::ui::screens::Screen;
use cto_sim::ui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Modifier;
use ratatui::Terminal;

fn press(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.on_key(KeyEvent::from(*c));
    }
}

fn week(app: &App) -> &Week {
    match &app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// The text of the rows drawn in reverse video (the focus) on the left, the
/// panels the keys edit.
fn focused_rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .filter(|&y| (0..42).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED)))
        .map(|y| row_text(buf, y).chars().take(42).collect())
        .collect()
}

/// What the focused row is called: the label it is drawn with.
fn label(app: &App) -> String {
    let w = week(app);
    match (w.panel, w.row) {
        (Panel::Attention, r) => [
            "Strategy",
            "Hiring",
            "Coding",
            "Management",
            "Hours",
            "Refactoring",
        ][r]
            .to_string(),
        (Panel::Org, 0) => "Engineers wanted".into(),
        (Panel::Org, 1) => "Managers wanted".into(),
        (Panel::Org, 2) => "VPs wanted".into(),
        (Panel::Org, r) => format!("VP #{}", r - 2),
    }
}

/// A company with three VPs, offers coming and a structure to advise on:
/// the organisation panel's chart is as long as it gets.
fn crowded() -> App {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.start.vps = vec![
        ReportingLine::Cto,
        ReportingLine::Ceo { forum: true },
        ReportingLine::Ceo { forum: false },
    ];
    sc.start.engineers = 60;
    sc.start.managers = 20;
    let mut app = App::new_game(Arc::new(sc), 1);
    app.on_resize(80, 24);
    app.theme = Theme { color: true };
    match &mut app.screen {
        Screen::Week(w) => w.draft.hiring.engineers = 90,
        _ => unreachable!(),
    }
    for _ in 0..3 {
        press(&mut app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(&mut app, &[KeyCode::Char('y')]);
        }
        app.close_dialogs();
    }
    app
}

#[test]
fn at_80x24_every_row_the_keys_reach_is_drawn_when_focused() {
    let mut app = crowded();
    assert_eq!(week(&app).state().people.vps.len(), 3);
    let mut seen = 0;
    for _panel in 0..2 {
        // To the panel's first row, then down through every row.
        press(&mut app, &[KeyCode::Up; 12]);
        loop {
            let expected = label(&app);
            let shown = focused_rows(&draw(&app, 80, 24));
            assert!(
                shown.iter().any(|r| r.contains(&expected)),
                "{expected} is focused but not drawn at 80×24: {shown:?}"
            );
            seen += 1;
            let row = week(&app).row;
            press(&mut app, &[KeyCode::Down]);
            if week(&app).row == row {
                break;
            }
        }
        press(&mut app, &[KeyCode::Tab]);
    }
    assert_eq!(
        seen,
        6 + 3 + 3,
        "six attention rows, three targets, three VPs"
    );
}

#[test]
fn right_right_enter_on_the_vp_row_asks_about_a_vp_the_player_can_see() {
    let mut app = crowded();
    // The second VP reports to the CEO with a forum: to the VP row that
    // reports to the CTO, the first, and move it right twice.
    press(
        &mut app,
        &[KeyCode::Tab, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    assert_eq!(label(&app), "VP #1");
    let screen = draw(&app, 80, 24);
    let vp_row = (0..24)
        .map(|y| row_text(&screen, y))
        .find(|r| r.contains("VP #1") && r.contains("[you]"));
    assert!(vp_row.is_some(), "the VP row and its line are on screen");
    press(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Enter]);
    assert_eq!(app.context(), Context::ConfirmEnd, "the hand-over is asked");
}

#[test]
fn tab_comes_back_to_the_row_each_panel_had() {
    let mut app = App::new_game(Arc::new(Scenario::builtin("default").unwrap()), 1);
    press(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(label(&app), "Coding");
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(label(&app), "Engineers wanted");
    press(&mut app, &[KeyCode::Down]);
    assert_eq!(label(&app), "Managers wanted");
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(label(&app), "Coding", "Tab goes back to the row left");
    let (coding, engineers) = {
        let d = &week(&app).draft;
        (d.attention.coding, d.hiring.engineers)
    };
    press(&mut app, &[KeyCode::Right]);
    let d = &week(&app).draft;
    assert_eq!(d.attention.coding, coding + 5, "→ raises coding");
    assert_eq!(d.hiring.engineers, engineers, "not the hiring target");
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(label(&app), "Managers wanted");
}

#[test]
fn the_why_panel_scrolls_to_its_last_line_at_80x24() {
    let mut app = crowded();
    let first = draw(&app, 80, 24);
    let title = (0..24)
        .map(|y| row_text(&first, y))
        .find(|r| r.contains("[Why]"))
        .unwrap();
    assert!(title.contains("PgDn"), "the title says it scrolls: {title}");
    let last_line = "Company";
    let shows = |buf: &Buffer| (0..24).any(|y| row_text(buf, y).contains(last_line));
    assert!(!shows(&first), "the last line is below the panel at first");
    press(&mut app, &[KeyCode::PageDown; 5]);
    assert!(shows(&draw(&app, 80, 24)), "PgDn reaches the last line");
    press(&mut app, &[KeyCode::PageUp]);
    assert!(
        !shows(&draw(&app, 80, 24)),
        "one PgUp is enough to come back up, however often PgDn was pressed"
    );
}

#[test]
fn the_hint_bar_keeps_events_help_and_quit_at_80_columns() {
    let app = App::new_game(Arc::new(Scenario::builtin("default").unwrap()), 1);
    let bar = row_text(&draw(&app, 80, 24), 23);
    for hint in ["end week", "panel", "par", "e events", "? help", "q quit"] {
        assert!(bar.contains(hint), "{hint:?} in {bar}");
    }
}

#[test]
fn without_colour_a_mark_shows_the_focused_row() {
    let mut app = crowded();
    app.theme = Theme { color: false };
    press(&mut app, &[KeyCode::Down]);
    let rows = focused_rows(&draw(&app, 80, 24));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("›Hiring"), "{rows:?}");
    press(
        &mut app,
        &[KeyCode::Tab, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    let rows = focused_rows(&draw(&app, 80, 24));
    assert!(rows[0].contains("›VP #1"), "{rows:?}");
    app.theme = Theme { color: true };
    let rows = focused_rows(&draw(&app, 80, 24));
    assert!(
        !rows[0].contains('›'),
        "with colour, reverse video is enough"
    );
}
