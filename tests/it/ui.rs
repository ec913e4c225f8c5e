//! The terminal game without a terminal: whole-screen snapshots at three sizes,
//! the styles that carry meaning, rendering at any size without a panic, and
//! the helpers `keys` and `panels` drive the game with.

use std::sync::{Arc, Once};

use cto_sim::engine::ReportingLine;
use cto_sim::engine::Scenario;
use cto_sim::scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::keymap::Context;
use cto_sim::ui::screens::week::dialog::Dialog;
use cto_sim::ui::screens::week::{Panel, Tab, Week};
use cto_sim::ui::screens::Screen;
use cto_sim::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;
use ratatui::Terminal;

pub(crate) static ISOLATE: Once = Once::new();

/// Keep the player's own scenario folder out of the tests.
pub(crate) fn isolate() {
    ISOLATE.call_once(|| {
        let empty = std::env::temp_dir().join(format!("cto-sim-ui-{}", std::process::id()));
        // Set once, before any test reads it.
        unsafe_set_env(scenario::DATA_DIR_ENV, &empty);
    });
}

#[allow(unused_unsafe)]
pub(crate) fn unsafe_set_env(key: &str, value: &std::path::Path) {
    // Single-threaded at this point in practice: every test calls isolate() first.
    unsafe { std::env::set_var(key, value) };
}

pub(crate) fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// The run on the week screen.
pub(crate) fn p(app: &App) -> &Week {
    match &app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

pub(crate) fn pm(app: &mut App) -> &mut Week {
    match &mut app.screen {
        Screen::Week(week) => week,
        _ => panic!("a run is being played"),
    }
}

/// The dialog open over the week screen, if any.
pub(crate) fn dialog(app: &App) -> Option<&Dialog> {
    match &app.screen {
        Screen::Week(week) => week.dialog.as_ref(),
        _ => None,
    }
}

pub(crate) fn at_end(app: &App) -> bool {
    matches!(app.screen, Screen::End(_))
}

pub(crate) fn press(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        app.on_key(key(*c));
    }
}

pub(crate) fn builtin(name: &str) -> Arc<Scenario> {
    Arc::new(Scenario::builtin(name).unwrap())
}

pub(crate) fn coloured(mut app: App) -> App {
    app.theme = Theme { color: true };
    app
}

pub(crate) fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term
}

pub(crate) fn text(app: &App, w: u16, h: u16) -> String {
    render(app, w, h).backend().to_string()
}

/// The screens worth a snapshot, by name.
pub(crate) fn screens() -> Vec<(&'static str, App)> {
    isolate();
    let mut out = Vec::new();
    out.push(("title", App::title()));
    let mut picker = App::title();
    press(
        &mut picker,
        &[KeyCode::Enter, KeyCode::Char('4'), KeyCode::Char('2')],
    );
    out.push(("picker", picker));
    out.push(("week_one", App::new_game(builtin("default"), 1)));
    let mut later = App::new_game(builtin("default"), 1);
    pm(&mut later).draft.hiring.engineers = 6;
    play_weeks(&mut later, 30);
    out.push(("week_thirty", later));
    let mut charts = App::new_game(builtin("default"), 1);
    play_weeks(&mut charts, 20);
    pm(&mut charts).tab = Tab::Charts;
    out.push(("charts", charts));
    let mut news = App::new_game(builtin("default"), 1);
    play_weeks(&mut news, 12);
    pm(&mut news).tab = Tab::News;
    out.push(("news", news));
    let mut event = App::new_game(builtin("tutorial"), 1);
    press(&mut event, &[KeyCode::Enter]);
    out.push(("event", event));
    // An event with the longest text the format allows (2,000 characters,
    // wide characters and emoji among them): the choices stay in view.
    let mut long_event = App::new_game(long_event_scenario(), 1);
    press(&mut long_event, &[KeyCode::Enter, KeyCode::PageDown]);
    out.push(("long_event", long_event));
    // A puppet on its way: the warning line.
    let sc = builtin("default");
    let mut warned = App::new_game(Arc::clone(&sc), 2);
    let mut bot = cto_sim::policy::by_name("delegator", 2).unwrap();
    while warned.state().unwrap().tracking.puppet_streak < 3 {
        let d = bot.decide(warned.state().unwrap(), &sc);
        pm(&mut warned).draft = d;
        warned.end_week();
        warned.close_dialogs();
    }
    out.push(("warning", warned));
    // A VP: the reporting line read in full, the organisation panel focused on it.
    let mut with_vp = Scenario::builtin("default").unwrap();
    with_vp.start.vps = vec![ReportingLine::Ceo { forum: true }];
    with_vp.start.engineers = 30;
    with_vp.start.managers = 4;
    let mut vp_line = App::new_game(Arc::new(with_vp), 1);
    pm(&mut vp_line).panel = Panel::Org;
    pm(&mut vp_line).row = 3;
    out.push(("vp_line", vp_line));
    let mut help = App::new_game(builtin("default"), 1);
    press(&mut help, &[KeyCode::Char('?')]);
    out.push(("help", help));
    let mut quit = App::new_game(builtin("default"), 1);
    press(&mut quit, &[KeyCode::Char('q')]);
    out.push(("quit", quit));
    let mut confirm = App::new_game(builtin("tutorial"), 1);
    press(
        &mut confirm,
        &[KeyCode::Enter, KeyCode::Esc, KeyCode::Enter],
    );
    out.push(("confirm_end", confirm));
    let record =
        cto_sim::run::load(std::path::Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let mut replay = App::replay(cto_sim::run::verify(&record, "golden").unwrap().recording);
    replay.seek(130);
    out.push(("replay", replay));
    let mut end = App::new_game(builtin("tutorial"), 2);
    play_to_the_end(&mut end);
    out.push(("end", end));
    out.into_iter().map(|(n, a)| (n, coloured(a))).collect()
}

/// The tutorial with its first event's text as long as the format allows
/// (2,000 characters), wide characters and emoji among them.
pub(crate) fn long_event_scenario() -> Arc<Scenario> {
    let mut long = Scenario::builtin("tutorial").unwrap();
    let words = "The board wants an answer before Friday: 製品 🙂 ";
    long.events[0].text = words
        .repeat(2000 / words.chars().count())
        .trim_end()
        .to_string();
    Arc::new(long)
}

/// Play `weeks` weeks with Enter, leaving events to the organisation.
pub(crate) fn play_weeks(app: &mut App, weeks: u32) {
    let target = app.state().unwrap().week + weeks;
    while app.state().unwrap().week < target && !at_end(app) {
        press(app, &[KeyCode::Enter]);
        match app.context() {
            Context::ConfirmEnd => press(app, &[KeyCode::Char('y')]),
            Context::Event => press(app, &[KeyCode::Esc]),
            _ => {}
        }
    }
}

pub(crate) fn play_to_the_end(app: &mut App) {
    for _ in 0..2000 {
        if at_end(app) {
            return;
        }
        // Enter plays the week, or picks the highlighted choice of an event.
        press(app, &[KeyCode::Enter]);
        if app.context() == Context::ConfirmEnd {
            press(app, &[KeyCode::Char('y')]);
        }
    }
    panic!("the run never ended");
}

#[test]
fn every_screen_at_three_sizes() {
    for (name, app) in screens() {
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&app, w, h));
        }
    }
}

#[test]
fn a_tiny_terminal_gets_a_too_small_screen() {
    isolate();
    let app = App::new_game(builtin("default"), 1);
    let shown = text(&app, 40, 10);
    assert!(shown.contains("Terminal too small"), "{shown}");
    assert!(shown.contains("40×10"), "{shown}");
    insta::assert_snapshot!("too_small_40x10", shown);
}

pub(crate) fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(needle) {
            let col = row[..i].chars().count() as u16;
            return Some((col, y));
        }
    }
    None
}

#[test]
fn colours_carry_meaning_healthy_influence_is_green_and_the_selected_row_reversed() {
    isolate();
    let app = coloured(App::new_game(builtin("default"), 1));
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "Influence ").unwrap();
    let value = &buf[(x + 10, y)];
    assert_eq!(value.fg, Color::Green, "influence 86 is healthy");
    assert!(value.modifier.contains(Modifier::BOLD));
    let (x, y) = find(buf, "Strategy").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "focused row"
    );
}

#[test]
fn a_puppets_influence_and_authority_show_red() {
    isolate();
    let mut app = coloured(App::new_game(builtin("puppet_rescue"), 1));
    for _ in 0..3 {
        press(&mut app, &[KeyCode::Enter]);
        app.close_dialogs();
    }
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "Authority ").unwrap();
    assert_eq!(buf[(x + 10, y)].fg, Color::Red, "{}", term.backend());
}

#[test]
fn no_color_turns_colour_off_but_keeps_emphasis() {
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    app.theme = Theme { color: false };
    let term = render(&app, 120, 40);
    let buf = term.backend().buffer();
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    let (x, y) = find(buf, "Strategy").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

pub(crate) fn all_states() -> Vec<App> {
    screens().into_iter().map(|(_, a)| a).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_screen_renders_at_any_size_without_a_panic(w in 0u16..=300, h in 0u16..=100) {
        for app in all_states() {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            (&app).render(Rect::new(0, 0, w, h), &mut buf);
        }
    }
}

/// What a screen shows depends only on the game and the terminal's size, not
/// on the sizes it was drawn at before: through a storm of resizes (the event
/// loop's `on_resize`, then a draw into the same terminal, which writes only
/// what changed), every screen ends up exactly as a copy of it that was never
/// drawn shows at the last size: nothing of an earlier frame is left behind.
#[test]
fn after_a_resize_storm_every_screen_looks_as_if_first_drawn_at_its_size() {
    let storm = [
        (200, 60),
        (80, 24),
        (7, 3),
        (0, 0),
        (300, 100),
        (79, 24),
        (120, 40),
    ];
    let (w, h) = storm[storm.len() - 1];
    let fresh = screens();
    for ((name, mut app), (_, first)) in screens().into_iter().zip(fresh) {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for (w, h) in storm {
            term.backend_mut().resize(w, h);
            app.on_resize(w, h);
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        }
        let mut first = first;
        first.on_resize(w, h);
        let once = render(&first, w, h);
        assert_eq!(
            term.backend().buffer(),
            once.backend().buffer(),
            "{name} after the storm"
        );
    }
}

/// A writer whose bytes the test can count while the backend owns it.
#[derive(Clone, Default)]
struct Counted(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Counted {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_unchanged_frame_writes_nothing_to_the_terminal() {
    use ratatui::backend::CrosstermBackend;
    isolate();
    let mut app = App::new_game(builtin("default"), 1);
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Enter]);
        app.close_dialogs();
    }
    let out = Counted::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 200, 50)),
        },
    )
    .unwrap();
    let written = || out.0.borrow().len();
    let draw = |term: &mut Terminal<CrosstermBackend<Counted>>, app: &mut App| {
        cto_sim::ui::draw_if_dirty(term, app).unwrap()
    };
    assert!(draw(&mut term, &mut app), "the first frame is drawn");
    let first = written();
    assert!(
        first > 1000,
        "the first frame is drawn in full ({first} bytes)"
    );
    // Nothing happens, a key that means nothing here, a key release: no frame.
    assert!(!draw(&mut term, &mut app));
    press(&mut app, &[KeyCode::Char('z'), KeyCode::F(5)]);
    let mut release = key(KeyCode::Right);
    release.kind = KeyEventKind::Release;
    app.on_key(release);
    assert!(!draw(&mut term, &mut app));
    let unchanged = written() - first;
    println!("frame bytes: first {first}, unchanged {unchanged}");
    assert_eq!(unchanged, 0, "an unchanged frame wrote {unchanged} bytes");
    // One key that changes a few numbers writes a little, not a whole screen.
    press(&mut app, &[KeyCode::Right]);
    assert!(draw(&mut term, &mut app));
    let one_key = written() - first;
    println!("frame bytes after one key: {one_key}");
    assert!(
        one_key > 0 && one_key < first / 4,
        "{one_key} bytes for one change"
    );
}
