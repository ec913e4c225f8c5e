//! The forecast on the week screen: its words, and the worker thread that
//! computes it off the input path.
//!
//! The event loop asks [`Forecaster::want`] after every input; a new week or
//! a changed draft sends the worker a job (a copy of the game and the draft)
//! and returns at once. The worker computes only the newest job waiting and
//! sends its [`Done`] to the loop's channel, which wakes the loop; the App
//! shows it only while the same week of the same run is on screen
//! ([`crate::ui::App::on_forecast`]), so a stale result is dropped. Nothing
//! on the input path waits for the worker: it is only ever sent to.

use std::io;
use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::engine::scenario::Outcome;
use crate::engine::{Decision, Ending, Game, Scenario};
use crate::forecast::{forecast, Forecast};

/// A finished forecast: which game it is for (its hash: the run and the
/// week), the plan it held, and what it found.
#[derive(Clone, Debug)]
pub struct Done {
    pub key: u64,
    pub plan: Decision,
    pub forecast: Forecast,
}

/// A forecast to compute.
struct Job {
    key: u64,
    game: Game,
    plan: Decision,
}

/// The worker thread, and what it was last asked.
pub struct Forecaster {
    jobs: Sender<Job>,
    asked: Option<(u64, Decision)>,
}

impl Forecaster {
    /// Start the worker; each result goes to `wake` as `wrap(done)`.
    pub fn spawn<T: Send + 'static>(wake: Sender<T>, wrap: fn(Done) -> T) -> io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        thread::Builder::new()
            .name("forecast".into())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the newest job waiting is still worth computing.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let forecast = forecast(&job.game, &job.plan);
                    let done = Done {
                        key: job.key,
                        plan: job.plan,
                        forecast,
                    };
                    if wake.send(wrap(done)).is_err() {
                        return; // the game is over
                    }
                }
            })?;
        Ok(Forecaster { jobs, asked: None })
    }

    /// Send the worker the forecast wanted for `game` on `plan`, unless it
    /// was asked for already. Never waits.
    pub fn want(&mut self, wanted: Option<(&Game, &Decision)>) {
        let Some((game, plan)) = wanted else {
            return;
        };
        let key = game.hash();
        if matches!(&self.asked, Some((k, p)) if *k == key && p == plan) {
            return;
        }
        self.asked = Some((key, plan.clone()));
        let job = Job {
            key,
            game: game.clone(),
            plan: plan.clone(),
        };
        // A worker that died (it cannot, short of a panic) leaves the header
        // without a forecast; the game goes on.
        self.jobs.send(job).ok();
    }
}

/// The forecast in words, long and short: `On this plan: ARR $4.0–5.5M by
/// week 312`, `plan: $4.0–5.5M by wk 312`; `On this plan: IPO around week
/// 288 (14 of 16 futures)`; `On this plan: out of cash around week 140 (12
/// of 16 futures)`.
pub fn words(f: &Forecast, sc: &Scenario) -> [String; 2] {
    let n = f.futures;
    if f.reaches_goal() {
        let win = f.win_week.unwrap_or(f.end_week);
        let what = match f.likely {
            Ending::Ipo => "IPO",
            _ => "goal reached",
        };
        return [
            format!(
                "On this plan: {what} around week {win} ({} of {n} futures)",
                f.wins
            ),
            format!("plan: {what} ~wk {win}"),
        ];
    }
    if sc.ending_outcome(f.likely) == Some(Outcome::Loss) {
        let what = ending_words(f.likely, sc);
        let week = f.likely_week;
        return [
            format!(
                "On this plan: {what} around week {week} ({} of {n} futures)",
                f.likely_count
            ),
            format!("plan: {what} ~wk {week}"),
        ];
    }
    let metric = f.goal.metric;
    let range = range(&metric.format(f.low), &metric.format(f.high));
    let name = match metric {
        crate::engine::events::Metric::Arr => "ARR".to_string(),
        m => m.name().replace('_', " "),
    };
    [
        format!(
            "On this plan: {name} {range} by week {} (goal {})",
            f.end_week,
            metric.format(f.goal.target)
        ),
        format!("plan: {range} by wk {}", f.end_week),
    ]
}

/// `$4.0–5.5M` from `$4.0M` and `$5.5M`; one figure when both read the same.
fn range(low: &str, high: &str) -> String {
    if low == high {
        return low.to_string();
    }
    let unit = |s: &str| s.chars().last().filter(|c| c.is_alphabetic() || *c == '%');
    match (unit(low), unit(high)) {
        (Some(a), Some(b)) if a == b => {
            format!(
                "{}–{}",
                &low[..low.len() - a.len_utf8()],
                high.trim_start_matches('$')
            )
        }
        _ => format!("{low}–{high}"),
    }
}

/// A losing ending as the forecast names it.
fn ending_words(e: Ending, sc: &Scenario) -> String {
    match e {
        // A scenario's own ending by its id in words (its title is a
        // sentence): `growing pains`.
        Ending::Custom(_) => sc.ending_id(e).replace('_', " "),
        // As the picker names it.
        e => e.title().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::range;

    #[test]
    fn a_range_names_its_unit_once() {
        assert_eq!(range("$4.0M", "$5.5M"), "$4.0–5.5M");
        assert_eq!(range("$400k", "$1.2M"), "$400k–$1.2M");
        assert_eq!(range("$4.0M", "$4.0M"), "$4.0M");
        assert_eq!(range("40%", "55%"), "40–55%");
        assert_eq!(range("40", "55"), "40–55");
    }
}
