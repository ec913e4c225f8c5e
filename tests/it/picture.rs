//! The README's picture of the week screen, drawn by the game itself: the test
//! backend's buffer, colours and all, written out as SVG. The committed file
//! is what the game draws today: the test fails when they differ, and
//! `UPDATE_PICTURES=1 cargo test --test it picture` writes it anew.

use std::fmt::Write as _;
use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::ui::app::App;
use cto_sim::ui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

/// Where the picture is, from the crate's directory (README links it).
const PICTURE: &str = "assets/week-screen.svg";

/// The terminal's size: large enough for the charts and the news.
const SIZE: (u16, u16) = (120, 40);

/// A cell's size in pixels, and the font's.
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 18.0;
const FONT_PX: u32 = 14;

const BACKGROUND: &str = "#1e1e1e";
const FOREGROUND: &str = "#d4d4d4";

/// The week screen half a year into a game of the default scenario, played by
/// pressing Enter (events left to the organisation), as a player sees it.
fn week_screen() -> Buffer {
    let scenario = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(scenario, 1);
    app.theme = Theme { color: true };
    for _ in 0..26 {
        // End the week, confirm if an event is unanswered, close a new event.
        for code in [KeyCode::Enter, KeyCode::Char('y'), KeyCode::Esc] {
            app.on_key(KeyEvent::from(code));
        }
    }
    let mut term = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    term.backend().buffer().clone()
}

/// A terminal colour as the picture shows it (a dark theme's palette).
fn hex(c: Color, default: &str) -> String {
    let named = match c {
        Color::Reset => default,
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#767676",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => default,
    };
    named.to_string()
}

/// How one cell looks: its background, and its text's colour and weight.
#[derive(Clone, PartialEq)]
struct Look {
    bg: String,
    fg: String,
    bold: bool,
    dim: bool,
}

fn look(cell: &ratatui::buffer::Cell) -> Look {
    let (mut fg, mut bg) = (hex(cell.fg, FOREGROUND), hex(cell.bg, BACKGROUND));
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    Look {
        bg,
        fg,
        bold: cell.modifier.contains(Modifier::BOLD),
        dim: cell.modifier.contains(Modifier::DIM),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `buf` as an SVG picture: a rectangle for each run of a background colour,
/// a `<text>` for each run of one look, stretched to its cells so that the
/// columns line up in any monospace font.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let (pw, ph) = (f64::from(w) * CELL_W, f64::from(h) * CELL_H);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw:.0}\" height=\"{ph:.0}\" \
         viewBox=\"0 0 {pw:.1} {ph:.1}\" font-family=\"ui-monospace, SFMono-Regular, Menlo, \
         Consolas, 'DejaVu Sans Mono', monospace\" font-size=\"{FONT_PX}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n"
    );
    for y in 0..h {
        let looks: Vec<Look> = (0..w).map(|x| look(&buf[(x, y)])).collect();
        let mut x = 0;
        while x < w {
            let l = &looks[usize::from(x)];
            let end = (x..w).find(|&e| looks[usize::from(e)] != *l).unwrap_or(w);
            let text: String = (x..end).map(|c| buf[(c, y)].symbol()).collect();
            let (left, width) = (f64::from(x) * CELL_W, f64::from(end - x) * CELL_W);
            if l.bg != BACKGROUND {
                let top = f64::from(y) * CELL_H;
                let _ = writeln!(
                    out,
                    "<rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{CELL_H}\" fill=\"{}\"/>",
                    l.bg
                );
            }
            let lead = text.chars().take_while(|c| *c == ' ').count();
            let shown = text.trim_matches(' ');
            if !shown.is_empty() {
                let cells = shown.chars().count().min(usize::from(end - x) - lead);
                let left = left + lead as f64 * CELL_W;
                let _ = writeln!(
                    out,
                    "<text x=\"{left:.1}\" y=\"{:.1}\" textLength=\"{:.1}\" lengthAdjust=\"spacingAndGlyphs\" \
                     xml:space=\"preserve\" fill=\"{}\"{}{}>{}</text>",
                    f64::from(y) * CELL_H + CELL_H * 0.75,
                    cells as f64 * CELL_W,
                    l.fg,
                    if l.bold { " font-weight=\"bold\"" } else { "" },
                    if l.dim { " fill-opacity=\"0.6\"" } else { "" },
                    escape(shown)
                );
            }
            x = end;
        }
    }
    out.push_str("</svg>\n");
    out
}

#[test]
fn the_readme_shows_the_week_screen_as_the_game_draws_it() {
    let drawn = svg(&week_screen());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PICTURE);
    if std::env::var_os("UPDATE_PICTURES").is_some() {
        std::fs::write(&path, &drawn).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let first_difference = committed
        .lines()
        .zip(drawn.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(committed.lines().count().min(drawn.lines().count()));
    assert!(
        committed == drawn,
        "{PICTURE} is not the week screen the game draws (first difference at line {}): \
         run `UPDATE_PICTURES=1 cargo test --test it picture` and commit it",
        first_difference + 1
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&format!("]({PICTURE})")),
        "README shows {PICTURE}"
    );
}
