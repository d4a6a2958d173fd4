import { Tag } from "antd";
import { useI18n } from "../i18n";
import type { Role } from "../lib/backend";

const COLORS: Record<Role, string> = { owner: "gold", manager: "geekblue", rep: "cyan" };

export function RoleTag({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[role]} bordered={false}>
      {t(`role.${role}`)}
    </Tag>
  );
}
