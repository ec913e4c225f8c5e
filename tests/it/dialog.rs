//! The event dialog: its cursor stops at the first and last choice, so a key
//! pressed once too often never answers with the other end of the list, and
//! each choice says what it does before it is taken.

use std::sync::Arc;

use cto_sim::engine::events::EventDef;
use cto_sim::engine::Scenario;
use cto_sim::scenario::BUILTIN;
use cto_sim::ui::app::App;
use cto_sim::ui::effects::effects_line;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use unicode_width::UnicodeWidthStr;

use crate::ui::text;

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

/// The built-in event whose choice has the longest list of effects in
/// words, among every built-in scenario's deck: the hardest for the dialog
/// to show whole. Found anew each run, so the snapshot follows the decks.
fn longest_effects() -> (&'static str, EventDef, String) {
    let mut longest: Option<(&'static str, EventDef, String)> = None;
    for (name, _) in BUILTIN {
        let sc = Scenario::builtin(name).unwrap();
        for def in &sc.events {
            for c in &def.choices {
                let words = effects_line(&c.effects);
                if longest
                    .as_ref()
                    .is_none_or(|(_, _, w)| words.width() > w.width())
                {
                    longest = Some((name, def.clone(), words));
                }
            }
        }
    }
    longest.expect("a built-in event")
}

/// A game of `scenario` whose only event is `def`, due after the first week,
/// with its dialog open.
fn showing(scenario: &str, mut def: EventDef) -> App {
    let mut sc = Scenario::builtin(scenario).unwrap();
    def.when.clear();
    def.chance = 1.0;
    def.once = true;
    def.follow_up_only = false;
    sc.events = vec![def];
    let mut app = App::new_game(Arc::new(sc), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Event, "the event's dialog is open");
    app
}

/// Each choice says what it does before it is taken: at the smallest
/// terminal the game draws in, the built-in choice with the longest effects
/// shows them whole, with every choice and the key line.
#[test]
fn each_choice_shows_what_it_does_even_at_80x24() {
    let (scenario, def, words) = longest_effects();
    let app = showing(scenario, def.clone());
    let shown = text(&app, 80, 24);
    for c in &def.choices {
        assert!(shown.contains(c.label.as_str()), "{}:\n{shown}", c.label);
    }
    assert!(shown.contains("Enter choose"), "{shown}");
    // Every word of the longest effects is on screen (wrapped, in order).
    // (The dialog is 72 columns wide, centred: its inside is columns 5–74.)
    let flat: String = shown
        .lines()
        .map(|l| {
            l.trim_matches('"')
                .chars()
                .skip(5)
                .take(70)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ");
    // (A line breaks between two effects in place of their " · ".)
    let words_of = |s: &str| {
        s.split_whitespace()
            .filter(|w| *w != "·")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (flat, words) = (words_of(&flat), words_of(&words));
    assert!(flat.contains(&words), "{words}\n{shown}");
    insta::assert_snapshot!("longest_effects_80x24", shown);
}

/// An event with more choices and effects than the smallest terminal holds
/// keeps every choice and the key line in view, and shows what the
/// highlighted choice does: the cursor's effects follow it.
#[test]
fn a_crowded_event_shows_the_highlighted_choices_effects() {
    let (scenario, mut def, _) = longest_effects();
    // The choice with the longest effects, each effect twice, six times.
    let many = def
        .choices
        .iter()
        .max_by_key(|c| effects_line(&c.effects).width())
        .unwrap()
        .clone();
    def.choices = (1..=6)
        .map(|i| {
            let mut c = many.clone();
            c.label = format!("Option {i}");
            c.effects = [c.effects.clone(), c.effects.clone()].concat();
            c
        })
        .collect();
    def.default_choice = 0;
    let first = effects_line(&def.choices[0].effects);
    // The start of the first effect: a long one (a deadline) wraps.
    let head: String = first
        .split(" · ")
        .next()
        .unwrap()
        .chars()
        .take(30)
        .collect();
    let mut app = showing(scenario, def);
    let shown = text(&app, 80, 24);
    for i in 1..=6 {
        assert!(shown.contains(&format!("{i}. Option {i}")), "{shown}");
    }
    assert!(shown.contains("Enter choose"), "{shown}");
    let under = |shown: &str, label: &str| {
        let rows: Vec<&str> = shown.lines().collect();
        let at = rows.iter().position(|r| r.contains(label)).unwrap();
        rows[at + 1].contains(&head)
    };
    assert!(under(&shown, "1. Option 1"), "{shown}");
    assert!(!under(&shown, "2. Option 2"), "{shown}");
    press(&mut app, &[KeyCode::Down]);
    let shown = text(&app, 80, 24);
    assert!(under(&shown, "2. Option 2"), "{shown}");
    assert!(!under(&shown, "1. Option 1"), "{shown}");
}

/// Two events waiting open in their order: "Event 1 of 2" first, and
/// answering it opens "Event 2 of 2" (default, the first seed with two).
#[test]
fn two_events_waiting_open_first_one_then_two() {
    let sc = Arc::new(Scenario::builtin("default").unwrap());
    let two_waiting = (1..20)
        .find_map(|seed| {
            let mut app = App::new_game(Arc::clone(&sc), seed);
            while app.state()?.ending.is_none() {
                if app.state()?.pending.len() == 2 {
                    return Some(app);
                }
                app.end_week();
            }
            None
        })
        .expect("two events wait at once in some run");
    let mut app = two_waiting;
    let first = text(&app, 120, 40);
    assert!(first.contains("Event 1 of 2"), "{first}");
    press(&mut app, &[KeyCode::Enter]);
    let second = text(&app, 120, 40);
    assert!(second.contains("Event 2 of 2"), "{second}");
}
