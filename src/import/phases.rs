//! Where an import's time goes, phase by phase (wall and CPU seconds). `laoke bench import`
//! prints these so a regression or a win can be pinned to a phase without a profiler; the app
//! and the CLI import ignore them (recording costs two clock reads per phase).

use std::time::Instant;

/// One finished phase.
#[derive(Debug, Clone)]
pub struct Phase {
    pub name: &'static str,
    pub wall_s: f64,
    /// User + system CPU of the whole process during the phase (None off Linux).
    pub cpu_s: Option<f64>,
}

/// A stopwatch that closes one phase and opens the next.
pub struct Phases {
    done: Vec<Phase>,
    started: Instant,
    cpu: Option<f64>,
}

impl Default for Phases {
    fn default() -> Self {
        Self::new()
    }
}

impl Phases {
    pub fn new() -> Self {
        Phases {
            done: Vec::new(),
            started: Instant::now(),
            cpu: super::bench::cpu_seconds(),
        }
    }

    /// Close the phase running since the last mark (or since [`Phases::new`]) as `name`.
    pub fn mark(&mut self, name: &'static str) {
        let cpu = super::bench::cpu_seconds();
        self.done.push(Phase {
            name,
            wall_s: self.started.elapsed().as_secs_f64(),
            cpu_s: cpu.zip(self.cpu).map(|(a, b)| a - b),
        });
        self.started = Instant::now();
        self.cpu = cpu;
    }

    pub fn into_vec(self) -> Vec<Phase> {
        self.done
    }
}
