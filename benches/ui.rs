//! Frame rendering: the week screen at 200×50 and 80×24, after 60 weeks of play.
//! Run with `cargo bench --bench ui`; figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use cto_sim::engine::Scenario;
use cto_sim::ui::App;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Terminal;

fn sixty_weeks_in() -> App {
    let scenario = Arc::new(Scenario::builtin("default").unwrap());
    let mut app = App::new_game(scenario, 1);
    if let cto_sim::ui::screens::Screen::Week(week) = &mut app.screen {
        week.draft.hiring.engineers = 8;
    }
    for _ in 0..60 {
        app.on_key(KeyEvent::from(KeyCode::Enter));
        app.close_dialogs();
    }
    app
}

fn bench_render(c: &mut Criterion) {
    let app = sixty_weeks_in();
    let mut g = c.benchmark_group("frame");
    for (w, h) in [(200u16, 50u16), (80, 24)] {
        let area = Rect::new(0, 0, w, h);
        g.bench_function(format!("render the week screen at {w}x{h}"), |b| {
            let mut buf = Buffer::empty(area);
            b.iter(|| {
                buf.reset();
                (&app).render(area, &mut buf);
                black_box(&buf);
            })
        });
    }
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    g.bench_function("draw (render + diff) at 200x50", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
