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
            cpu: cpu_seconds(),
        }
    }

    /// Close the phase running since the last mark (or since [`Phases::new`]) as `name`.
    pub fn mark(&mut self, name: &'static str) {
        let cpu = cpu_seconds();
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

/// CPU time (user + system) of this process so far, seconds (Linux, from /proc/self/stat).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
