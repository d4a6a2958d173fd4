//! `laoke verify`: cipher pages, database integrity, foreign keys, the audit chain, the points
//! balance cache and the order list previews; exits with an error when anything is off.

use crate::ctx::Ctx;
use laoke::{verify, Error};

pub fn run(ctx: &Ctx) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let r = verify::run(&store, &session)?;
    println!(
        "{} {}",
        ctx.t("加密页校验：", "cipher pages:"),
        if r.cipher_problems.is_empty() {
            "ok".to_string()
        } else {
            r.cipher_problems.join("; ")
        }
    );
    println!(
        "{} {}",
        ctx.t("数据库完整性：", "integrity:"),
        if r.integrity_problems.is_empty() {
            "ok".to_string()
        } else {
            r.integrity_problems.join("; ")
        }
    );
    println!(
        "{} {}",
        ctx.t("外键问题：", "foreign key violations:"),
        r.foreign_key_violations
    );
    println!(
        "{} {} {}",
        ctx.t("审计日志：", "audit log:"),
        r.audit_rows,
        ctx.t("条", "rows")
    );
    for b in &r.audit_breaks {
        println!(
            "  {} #{}: {}",
            ctx.t("审计链断裂", "audit chain broken at"),
            b.id,
            b.problem
        );
    }
    println!(
        "{} {}",
        ctx.t("积分余额缓存不符：", "points balance mismatches:"),
        r.points_balance_mismatches
    );
    println!(
        "{} {}",
        ctx.t(
            "订单列表商品摘要不符：",
            "order list item previews that differ:"
        ),
        r.order_preview_mismatches
    );
    println!(
        "{} {}",
        ctx.t("订单退款合计不符：", "order refund totals that differ:"),
        r.order_refund_mismatches
    );
    crate::loyalty::print_check(ctx, &r.loyalty);
    if !r.is_ok() {
        return Err(Error::conflict(
            "校验发现问题（见上）。",
            "Verification found problems (see above).",
        ));
    }
    println!("{}", ctx.t("校验通过。", "All checks passed."));
    Ok(())
}
