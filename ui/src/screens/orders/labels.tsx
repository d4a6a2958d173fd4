import { Tag } from "antd";
import type { MessageKey, Translate } from "../../i18n";
import type { Channel, OrderStatus } from "../../lib/backend";

const STATUS_COLORS: Record<OrderStatus, string> = {
  unpaid: "gold",
  paid: "blue",
  shipped: "geekblue",
  completed: "green",
  partially_refunded: "orange",
  refunded: "red",
  cancelled: "default",
};

export const channelLabel = (t: Translate, c: Channel) => t(`channel.${c}` as MessageKey);
export const statusLabel = (t: Translate, s: OrderStatus) => t(`orderStatus.${s}` as MessageKey);

export function StatusTag({ t, status }: { t: Translate; status: OrderStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid="order-status">
      {statusLabel(t, status)}
    </Tag>
  );
}
