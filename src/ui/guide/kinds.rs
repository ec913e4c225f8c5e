//! What the guide is made of: its parts, an entry of its table, the run a
//! value is read from, and a block as help shows it.

use crate::engine::par::Par;
use crate::engine::{Scenario, State};

/// The parts of the guide, in the order help shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Header,
    Attention,
    Organisation,
    Why,
    Raising,
    Lines,
    Endings,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Header,
        Part::Attention,
        Part::Organisation,
        Part::Why,
        Part::Raising,
        Part::Lines,
        Part::Endings,
    ];

    /// The part's heading.
    pub fn title(self) -> &'static str {
        match self {
            Part::Header => "The header",
            Part::Attention => "Attention, hours and par",
            Part::Organisation => "The Organisation panel",
            Part::Why => "The Why panel",
            Part::Raising => "How a round is raised",
            Part::Lines => "Reporting lines",
            Part::Endings => "What ends a run",
        }
    }
}

/// The run a value is read from: its state, its scenario, and the par the
/// screen shows for the draft (if a week screen is up).
#[derive(Clone, Copy)]
pub struct Now<'a> {
    pub s: &'a State,
    pub sc: &'a Scenario,
    pub par: Option<&'a Par>,
    /// The forecast the week screen shows, once it is in.
    pub forecast: Option<&'a crate::forecast::Forecast>,
}

impl Now<'_> {
    /// Whether a week has been played (most figures exist only then).
    pub fn played(&self) -> bool {
        self.s.week > 0
    }
}

/// One figure (or one idea) of the guide.
pub struct Entry {
    /// Its heading: the figure's name as the screen draws it.
    pub term: &'static str,
    pub part: Part,
    /// Every word the screen draws for it, lower case (the labels a test
    /// reads off the drawn screen are looked up here).
    pub labels: &'static [&'static str],
    /// What it is.
    pub what: &'static str,
    /// What moves it.
    pub moves: &'static str,
    /// Its value in the run on screen, in words.
    pub now: fn(&Now) -> String,
}

/// One block of the guide as shown: a heading, the value now (if a run is
/// shown), and paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub term: String,
    pub now: Option<String>,
    pub paragraphs: Vec<String>,
}
