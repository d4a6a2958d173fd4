//! The service desk (issue 5): complaint and service tickets with a state machine, an
//! append-only timeline, SLA counted in business hours with China's holiday calendar, CSAT and
//! compensation at resolution, queues, and reply templates (话术).
//!
//! * [`model`] — types, channels, priorities, states and the legal transitions.
//! * [`sla`] — pure business-hour arithmetic (no DB, no clock).
//! * [`calendar`] — business hours and the holiday calendar as settings (each year from
//!   [`crate::holidays`]: entered, official or computed; plus the shop's own exceptions).
//! * [`arrangement`] — the owner or a manager enters a year's official arrangement (.ics, typed).
//! * [`write`] — every change, one transaction each, on the timeline and audited.
//! * [`due`] — the stored SLA of a ticket: its inputs and the one refresh of due times / flags.
//! * [`query`] — queues, counts, one ticket.
//! * [`templates`] — 话术 with placeholders.
//! * [`people`] — who tickets can be assigned to, tags in use (pickers for every role).
//! * [`reports`] — SLA compliance, response times, CSAT, complaints rate, causes, costs.

pub mod arrangement;
pub mod calendar;
pub mod due;
pub mod model;
pub mod people;
pub mod query;
pub mod reports;
pub mod sla;
pub mod templates;
pub mod write;

pub use model::{
    parse_ticket_no, ticket_no, CsatReason, EventKind, Priority, RootCause, TicketChannel,
    TicketState, TicketType,
};
pub use people::{assignees, tags, Assignee};
pub use query::{
    counts, get, list, Queue, QueueCounts, TicketDetail, TicketPage, TicketQuery, TicketRow,
};
pub use write::{
    add_entry, assign, create, merge, record_csat, resolve, run_jobs, set_state, Compensation,
    JobReport, NewTicket, Resolution,
};
