//! The game through its key handler: a whole game, event dialogs,
//! quitting, help, the forum, hostile text and tiny terminals.

use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::engine::{Ending, ReportingLine};
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::week::dialog::Dialog;
use cto_sim::ui::screens::week::Panel;
use cto_sim::ui::screens::{Overlay, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEventKind};

use crate::ui::*;

#[test]
fn a_whole_game_through_the_key_handler() {
    isolate();
    let mut app = App::title();
    // Title -> New game -> the picker, seed 7, start the tutorial (second entry).
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Picker(_)));
    press(
        &mut app,
        &[KeyCode::Down, KeyCode::Char('7'), KeyCode::Enter],
    );
    assert!(matches!(app.screen, Screen::Week(_)));
    let game = p(&app).session.game();
    assert_eq!(
        game.scenario().name,
        Scenario::builtin("tutorial").unwrap().name
    );
    assert_eq!(game.seed(), 7);
    draft_the_first_week(&mut app);
    answer_the_welcome_and_play_week_two(&mut app);
    hire_a_vp_and_hand_them_over(&mut app);

    // Play on to an ending.
    play_to_the_end(&mut app);
    let s = app.state().unwrap();
    assert!(s.ending.is_some());
    assert_ne!(
        s.ending,
        Some(Ending::Ipo),
        "the tutorial is too short for an IPO"
    );
    // Enter on the end screen returns to the title; q then y quits.
    press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Title(_)));
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(!app.quit);
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(app.quit);
}

/// Allocate: strategy up twice (+10), then hours up, refactoring up; hire:
/// organisation panel, engineers wanted +2.
fn draft_the_first_week(app: &mut App) {
    let before = p(app).draft.attention;
    press(app, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(p(app).draft.attention.strategy, before.strategy + 10);
    assert_eq!(p(app).draft.attention.total(), 100);
    press(
        app,
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Right,
        ],
    );
    assert_eq!(p(app).draft.hours, 49);
    press(app, &[KeyCode::Down, KeyCode::Right]);
    assert_eq!(p(app).draft.refactor_pct, 20);
    press(app, &[KeyCode::Tab]);
    assert_eq!(p(app).panel, Panel::Org);
    press(app, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(p(app).draft.hiring.engineers, 5);
    // The panel says the positions need recruiting time; par gives it.
    assert!(
        text(app, 120, 40).contains("2 positions open, hiring 0%: par"),
        "{}",
        text(app, 120, 40)
    );
    press(app, &[KeyCode::Char('p')]);
    assert!(p(app).draft.attention.hiring > 0);
}

/// End the week: the welcome event opens; answer it with the second choice,
/// and the answer is played with week two.
fn answer_the_welcome_and_play_week_two(app: &mut App) {
    press(app, &[KeyCode::Enter]);
    assert_eq!(app.state().unwrap().week, 1);
    assert_eq!(app.context(), Context::Event);
    press(app, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(p(app).draft.answers.len(), 1);
    assert_eq!(p(app).draft.answers[0].choice, 1);
    press(app, &[KeyCode::Enter]);
    let s = app.state().unwrap();
    assert_eq!(s.week, 2);
    assert!(p(app)
        .session
        .log
        .iter()
        .any(|e| e.text.contains("you chose \"Got it: let me code\"")));
    assert!(
        s.people.in_pipeline() + s.people.ramping_total() > 0,
        "the hires are coming"
    );
}

/// Hire a VP, wait for the search, then hand the VP to the CEO with a forum:
/// it asks first, and says what it costs.
fn hire_a_vp_and_hand_them_over(app: &mut App) {
    press(app, &[KeyCode::Down, KeyCode::Down, KeyCode::Right]);
    assert_eq!(p(app).draft.hiring.vps, 1);
    let mut presses = 0;
    while app.state().unwrap().people.vps.is_empty() {
        press(app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(app, &[KeyCode::Char('y')]),
            Context::Event => press(app, &[KeyCode::Esc]),
            _ => {}
        }
        presses += 1;
        assert!(presses < 100, "the VP never arrived");
    }
    pm(app).panel = Panel::Org;
    pm(app).row = 3;
    press(app, &[KeyCode::Right]);
    assert_eq!(
        p(app).draft.vp_lines,
        vec![ReportingLine::Ceo { forum: true }]
    );
    press(app, &[KeyCode::Enter]);
    assert_eq!(dialog(app), Some(&Dialog::ConfirmHandover { vp: 0 }));
    press(app, &[KeyCode::Char('y')]);
    if app.context() == Context::ConfirmEnd {
        press(app, &[KeyCode::Char('y')]);
    }
    assert_eq!(
        app.state().unwrap().people.vps[0].line,
        ReportingLine::Ceo { forum: true }
    );
}

/// `q` asks to quit wherever the player is, in an event dialog too; "no"
/// goes back to the dialog as it was, "yes" quits.
#[test]
fn q_asks_to_quit_from_an_event_dialog_and_no_goes_back_to_it() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter, KeyCode::Down]);
    assert_eq!(app.context(), Context::Event);
    let open = dialog(&app).cloned();
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    assert!(text(&app, 120, 40).contains("Quit? (y/n)"));
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(
        dialog(&app).cloned(),
        open,
        "the dialog, its cursor unmoved"
    );
    press(&mut app, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(app.quit);
}

/// A run continued with an event waiting for an answer opens it, as the week
/// that brought it did: Enter answers it rather than asking to end the week.
#[test]
fn continuing_a_run_reopens_the_event_that_waits() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Event, "the welcome event");
    let saved = p(&app).session.record().clone();
    let recording = cto_sim::run::verify(&saved, "save").unwrap().recording;
    let mut app = App::resume(recording, None);
    assert_eq!(app.context(), Context::Event, "the welcome waits");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(p(&app).draft.answers.len(), 1, "Enter answered it");
    assert_eq!(app.context(), Context::Week);
    assert_eq!(app.state().unwrap().week, 1, "nothing was played");
}

#[test]
fn unanswered_events_ask_before_the_week_ends_and_releases_are_ignored() {
    isolate();
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.context() == Context::Event);
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::ConfirmEnd);
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.state().unwrap().week, 1, "nothing was played");
    // A key release does nothing.
    let mut release = key(KeyCode::Enter);
    release.kind = KeyEventKind::Release;
    app.on_key(release);
    assert_eq!(app.context(), Context::Week);
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('y')]);
    let s = app.state().unwrap();
    assert_eq!(s.week, 2);
    assert!(p(&app)
        .session
        .log
        .iter()
        .any(|e| e.text.contains("settled without you")));
}

#[test]
fn help_lists_every_key_of_the_screen_it_was_opened_from() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    press(&mut app, &[KeyCode::Char('?')]);
    let shown = text(&app, 120, 40);
    for b in cto_sim::ui::keymap::bindings(cto_sim::ui::keymap::Context::Week) {
        assert!(
            shown.contains(b.help),
            "help is missing `{}`:\n{shown}",
            b.help
        );
    }
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.context(), Context::Week);
}

/// Accepting the CEO's forum in an event dialog moves the VP to the forum, and
/// the week's decision (which still lists the old line, untouched by the
/// player) does not undo it.
#[test]
fn accepting_the_forum_in_an_event_keeps_the_forum() {
    let mut app = App::new_game(builtin("puppet_rescue"), 1);
    let scenario = Scenario::builtin("puppet_rescue").unwrap();
    let offer = scenario
        .events
        .iter()
        .position(|e| e.id == "ceo_offers_forum")
        .unwrap();
    let accept = scenario.events[offer]
        .choices
        .iter()
        .position(|c| c.label == "Accept the forum")
        .unwrap();
    let (index, cursor) =
        enter_until_event(&mut app, 30, |e| e == offer).expect("the CEO never offered the forum");
    assert_eq!(
        app.state().unwrap().people.vps[0].line,
        ReportingLine::Ceo { forum: false }
    );
    // Move the cursor to "Accept the forum" and answer; then play the week.
    for _ in 0..cursor.abs_diff(accept) {
        press(
            &mut app,
            &[if cursor > accept {
                KeyCode::Up
            } else {
                KeyCode::Down
            }],
        );
    }
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(p(&app).draft.answers.len(), 1);
    assert_eq!(p(&app).draft.answers[0].pending, index);
    assert_eq!(p(&app).draft.answers[0].choice, accept);
    while app.context() != Context::Week {
        press(&mut app, &[KeyCode::Esc]);
    }
    press(&mut app, &[KeyCode::Enter]);
    if app.context() == Context::ConfirmEnd {
        press(&mut app, &[KeyCode::Char('y')]);
    }
    let forum = ReportingLine::Ceo { forum: true };
    assert_eq!(app.state().unwrap().people.vps[0].line, forum);
    // And it stays: ten more weeks of plain Enter.
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(&mut app, &[KeyCode::Char('y')]),
            Context::Event => press(&mut app, &[KeyCode::Esc]),
            _ => {}
        }
        if at_end(&app) {
            break;
        }
    }
    assert_eq!(app.state().unwrap().people.vps[0].line, forum);
}

/// The first draft is a week the engine accepts, even where the scenario allows
/// less refactoring than the draft usually proposes.
#[test]
fn the_first_draft_plays_in_a_scenario_with_tight_limits() {
    let text = std::fs::read_to_string("tests/scenarios/tight_limits.ron").unwrap();
    let scenario = cto_sim::scenario::load_str(&text, "tight")
        .unwrap()
        .scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.state().unwrap().week, 1, "{:?}", app.status);
}

/// The game's own screens show a hostile scenario's texts without a raw
/// control character or bidirectional override: the header, the event dialog
/// and the end screen.
#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let text = std::fs::read_to_string("tests/scenarios/hostile_text.ron").unwrap();
    let scenario = cto_sim::scenario::load_str(&text, "evil").unwrap().scenario;
    let mut app = App::new_game(Arc::new(scenario), 1);
    let mut seen = Vec::new();
    for _ in 0..6 {
        seen.push(render(&app, 120, 40).backend().buffer().clone());
        if at_end(&app) {
            break;
        }
        press(&mut app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(&mut app, &[KeyCode::Char('y')]);
        }
    }
    seen.push(render(&app, 120, 40).backend().buffer().clone());
    assert!(at_end(&app), "the scenario's own win after 3 weeks");
    for buffer in &seen {
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "a raw {:?} on screen",
                cell.symbol()
            );
        }
    }
}

/// A dialog opens on the choice the organisation takes when nobody answers, so
/// a blind Enter is the same as leaving the event; on the "too small" screen
/// keys play nothing.
#[test]
fn no_blind_choices_and_no_play_on_a_tiny_terminal() {
    let mut app = App::new_game(builtin("default"), 1);
    let (index, cursor) =
        enter_until_event(&mut app, 200, |_| true).expect("no event in 200 weeks");
    let s = app.state().unwrap();
    let def = &Scenario::builtin("default").unwrap().events[s.pending[index].event];
    assert_eq!(cursor, def.default_choice, "{}", def.id);
    press(&mut app, &[KeyCode::Enter]);
    let answer = p(&app)
        .draft
        .answers
        .iter()
        .find(|a| a.pending == index)
        .unwrap();
    assert_eq!(answer.choice, def.default_choice);

    let mut tiny = App::new_game(builtin("default"), 1);
    tiny.on_resize(10, 5);
    press(
        &mut tiny,
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Right, KeyCode::Tab],
    );
    assert_eq!(tiny.state().unwrap().week, 0, "nothing was played");
    let fresh = App::new_game(builtin("default"), 1);
    assert_eq!(p(&tiny).draft, p(&fresh).draft);
    press(&mut tiny, &[KeyCode::Char('q'), KeyCode::Char('y')]);
    assert!(tiny.quit, "quitting still works");
    tiny.on_resize(120, 40);
    let mut grown = App::new_game(builtin("default"), 1);
    grown.on_resize(120, 40);
    press(&mut grown, &[KeyCode::Enter]);
    assert_eq!(grown.state().unwrap().week, 1);
}

/// The terminal's size outlives a change of screen: in a game started from
/// the title, help at 80×24 still stops scrolling at its last line, so one ↑
/// after too many ↓ moves at once.
#[test]
fn a_game_started_from_the_title_still_knows_the_terminals_size() {
    isolate();
    let mut app = App::title();
    app.on_resize(80, 24);
    press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Week(_)));
    press(&mut app, &[KeyCode::Char('?')]);
    for _ in 0..30 {
        press(&mut app, &[KeyCode::Down]);
    }
    let bottom = text(&app, 80, 24);
    press(&mut app, &[KeyCode::Up]);
    assert_ne!(text(&app, 80, 24), bottom);
}

/// The VP's reporting line is chosen from a list shown in full (no wrapping
/// round from "CEO" to "you"), and handing the VP to the CEO asks first, saying
/// what it costs; "no" plays nothing.
#[test]
fn the_vp_line_is_read_in_full_and_handing_it_over_is_deliberate() {
    let mut sc = Scenario::builtin("default").unwrap();
    sc.start.vps = vec![ReportingLine::Cto];
    sc.start.engineers = 30;
    sc.start.managers = 4;
    let mut app = coloured(App::new_game(Arc::new(sc), 1));
    pm(&mut app).panel = Panel::Org;
    pm(&mut app).row = 3;
    let shown = text(&app, 80, 24);
    assert!(shown.contains("[you] CEO+forum  CEO"), "{shown}");
    // ← at "you" stays; → twice reaches "CEO"; → again stays there.
    press(&mut app, &[KeyCode::Left]);
    assert_eq!(p(&app).draft.vp_lines, vec![ReportingLine::Cto]);
    press(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Right]);
    assert_eq!(
        p(&app).draft.vp_lines,
        vec![ReportingLine::Ceo { forum: false }]
    );
    assert!(text(&app, 80, 24).contains(" you  CEO+forum [CEO]"));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(dialog(&app), Some(&Dialog::ConfirmHandover { vp: 0 }));
    let asked = text(&app, 120, 40);
    assert!(asked.contains("Hand VP #1 to the CEO?"), "{asked}");
    assert!(asked.contains("CEO's call"), "{asked}");
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.state().unwrap().week, 0, "no week was played");
    assert_eq!(app.context(), Context::Week);
    // Back to "you": no question.
    press(&mut app, &[KeyCode::Left, KeyCode::Left, KeyCode::Enter]);
    if app.context() == Context::ConfirmEnd {
        press(&mut app, &[KeyCode::Char('y')]);
    }
    assert_eq!(app.state().unwrap().week, 1);
}

/// Keys meant for the week screen do nothing outside a dialog while it is
/// open: the draft, the panel and the tab stay as they were.
#[test]
fn keys_of_other_panels_never_reach_past_a_dialog() {
    let mut app = App::new_game(builtin("tutorial"), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.context(), Context::Event);
    let (draft, panel, row, tab) = {
        let p = p(&app);
        (p.draft.clone(), p.panel, p.row, p.tab)
    };
    press(
        &mut app,
        &[
            KeyCode::Char('l'),
            KeyCode::Char('h'),
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Char('v'),
            KeyCode::Char('p'),
            KeyCode::Char('L'),
            KeyCode::Char('+'),
        ],
    );
    assert!(app.context() == Context::Event, "still the dialog");
    let p = p(&app);
    assert_eq!(
        (p.draft.clone(), p.panel, p.row, p.tab),
        (draft, panel, row, tab)
    );
    assert_eq!(app.state().unwrap().week, 1);
}

/// Press Enter week after week (confirming past unanswered events) until a
/// dialog opens on a deck event `wanted` accepts; other dialogs are closed.
/// The dialog's pending index and cursor, or `None` after `weeks` weeks.
fn enter_until_event(
    app: &mut App,
    weeks: u32,
    wanted: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    for _ in 0..weeks {
        press(app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(app, &[KeyCode::Char('y')]);
        }
        if let Some(Dialog::Event(event)) = dialog(app) {
            let (index, cursor) = (event.index, event.cursor);
            if wanted(app.state().unwrap().pending[index].event) {
                return Some((index, cursor));
            }
            press(app, &[KeyCode::Esc]);
        }
    }
    None
}
