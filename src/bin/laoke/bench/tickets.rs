//! `laoke bench tickets`: optionally add demo tickets, then time the Today list and every
//! ticket queue.

use crate::ctx::Ctx;
use laoke::{tickets, Error};

/// `laoke bench tickets`: optionally add demo tickets first, then time the views.
pub fn run(ctx: &Ctx, add: u64, runs: usize) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    if add > 0 {
        let started = std::time::Instant::now();
        let r = laoke::demo::generate_tickets(
            &store,
            &s,
            &laoke::demo::TicketsSpec {
                tickets: add,
                seed: 42,
            },
        )?;
        println!(
            "added {} tickets, {} follow-ups in {:.1} s",
            r.tickets,
            r.follow_ups,
            started.elapsed().as_secs_f64()
        );
    }
    let c = tickets::counts(&store, &s)?;
    println!(
        "open {} · unassigned {} · due soon {} · breached {} · waiting {}",
        c.open, c.unassigned, c.due_soon, c.breached, c.waiting
    );
    println!(
        "{:<32} {:>7} {:>9} {:>9}",
        "view", "rows", "p50 ms", "p95 ms"
    );
    for l in laoke::bench::tickets::run(&store, &s, runs)? {
        println!(
            "{:<32} {:>7} {:>9.2} {:>9.2}",
            l.name, l.rows, l.p50_ms, l.p95_ms
        );
    }
    Ok(())
}
