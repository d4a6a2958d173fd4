import { SettingOutlined } from "@ant-design/icons";
import { Button, Checkbox, Popover, Space } from "antd";
import { useCallback, useState } from "react";
import { useI18n } from "../../i18n";

export interface ChoosableColumn {
  key: string;
  title: string;
}

/** Which columns a list shows, remembered per list on this computer (no customer data). */
export function useColumnPrefs(listKey: string, all: string[], hiddenByDefault: string[] = []) {
  const storageKey = `laoke.columns.${listKey}`;
  const [hidden, setHidden] = useState<string[]>(() => {
    try {
      const saved = window.localStorage.getItem(storageKey);
      if (saved) return (JSON.parse(saved) as string[]).filter((k) => all.includes(k));
    } catch {
      // unreadable preference: fall back to the default
    }
    return hiddenByDefault;
  });
  const toggle = useCallback(
    (key: string, visible: boolean) => {
      setHidden((prev) => {
        const next = visible ? prev.filter((k) => k !== key) : [...prev, key];
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(next));
        } catch {
          // preference not saved; the choice still applies now
        }
        return next;
      });
    },
    [storageKey],
  );
  return { hidden, toggle };
}

/** A "Columns" button with one checkbox per column; at least one column stays visible. */
export function ColumnChooser({
  columns,
  hidden,
  onToggle,
  testId,
}: {
  columns: ChoosableColumn[];
  hidden: string[];
  onToggle: (key: string, visible: boolean) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const visibleCount = columns.filter((c) => !hidden.includes(c.key)).length;
  const content = (
    <Space direction="vertical" size={4} data-testid={testId ? `${testId}-panel` : undefined}>
      {columns.map((c) => {
        const visible = !hidden.includes(c.key);
        return (
          <Checkbox
            key={c.key}
            checked={visible}
            disabled={visible && visibleCount === 1}
            onChange={(e) => onToggle(c.key, e.target.checked)}
            data-testid={testId ? `${testId}-${c.key}` : undefined}
          >
            {c.title}
          </Checkbox>
        );
      })}
    </Space>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid={testId}>
        {t("list.columns")}
      </Button>
    </Popover>
  );
}
