//! The event dialog: its cursor stops at the first and last choice, so a key
//! pressed once too often never answers with the other end of the list.

use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn press(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.on_key(KeyEvent::from(*c));
    }
}

/// The answer put in the draft for the event just answered.
fn answered(app: &App) -> usize {
    match &app.screen {
        Screen::Week(w) => w.draft.answers.last().expect("an answer").choice,
        _ => panic!("a run is being played"),
    }
}

/// A game of the default scenario with its first event's dialog open.
fn at_an_event() -> App {
    let mut app = App::new_game(Arc::new(Scenario::builtin("default").unwrap()), 1);
    for _ in 0..20 {
        if app.context() == Context::Event {
            return app;
        }
        press(&mut app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(&mut app, &[KeyCode::Char('e')]);
        }
    }
    panic!("no event in 20 weeks");
}

#[test]
fn up_past_the_first_choice_stays_on_it_and_down_past_the_last_too() {
    let mut app = at_an_event();
    press(&mut app, &[KeyCode::Up; 6]);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(answered(&app), 0, "Up six times answers the first choice");
    let mut app = at_an_event();
    press(&mut app, &[KeyCode::Down; 6]);
    press(&mut app, &[KeyCode::Enter]);
    let last = match &app.screen {
        Screen::Week(w) => {
            let s = w.session.game().state();
            let p = &s.pending[w.draft.answers.last().unwrap().pending];
            w.session.scenario().events[p.event].choices.len() - 1
        }
        _ => unreachable!(),
    };
    assert!(last >= 1, "an event with a choice to make");
    assert_eq!(
        answered(&app),
        last,
        "Down six times answers the last choice"
    );
}
