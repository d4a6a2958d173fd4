import { CheckCircleOutlined, KeyOutlined, PlusOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Popconfirm, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from "react";
import { RoleTag } from "../../components/RoleTag";
import { OwnerOnly } from "../../components/OwnerOnly";
import { useI18n } from "../../i18n";
import { usersList, usersSetDisabled, type User } from "../../lib/backend";
import { useSession } from "../../lib/appContext";
import { formatDateTime } from "../../lib/format";
import { useErrorText } from "../../lib/useErrorText";
import { AddUserModal } from "./AddUserModal";
import { ResetPasswordModal } from "./ResetPasswordModal";

/** Owner only: staff accounts. The core enforces it too. */
export function UsersTab() {
  const { t } = useI18n();
  return (
    <OwnerOnly title={t("settings.ownerOnlyUsers")} text={t("settings.ownerOnlyUsersText")} testId="users-owner-only">
      <UsersTable />
    </OwnerOnly>
  );
}

function UsersTable() {
  const { t } = useI18n();
  const session = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await usersList());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
  }, [load]);

  const toggle = useCallback(
    async (u: User) => {
      try {
        const updated = await usersSetDisabled({ userId: u.id, disabled: !u.disabled });
        setUsers((list) => list?.map((x) => (x.id === updated.id ? updated : x)) ?? null);
        message.success(t(updated.disabled ? "users.disabledDone" : "users.enabledDone", { name: updated.displayName }));
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [errorText, message, t],
  );

  const columns = useMemo<TableProps<User>["columns"]>(
    () => [
      {
        title: t("users.col.username"),
        dataIndex: "username",
        render: (v: string, u) => (
          <Space size={6}>
            <span className="mono">{v}</span>
            {u.id === session.userId && <Tag bordered={false}>{t("users.you")}</Tag>}
          </Space>
        ),
      },
      { title: t("users.col.displayName"), dataIndex: "displayName" },
      { title: t("users.col.role"), dataIndex: "role", render: (r: User["role"]) => <RoleTag role={r} /> },
      {
        title: t("users.col.status"),
        dataIndex: "disabled",
        render: (d: boolean) => <Badge status={d ? "default" : "success"} text={t(d ? "users.disabled" : "users.active")} />,
      },
      {
        title: t("users.col.lastLogin"),
        dataIndex: "lastLoginAt",
        render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t("users.never")}</Typography.Text>),
      },
      { title: t("users.col.createdAt"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v) },
      {
        title: t("users.col.actions"),
        key: "actions",
        render: (_: unknown, u) =>
          u.id === session.userId ? null : (
            <Space size={4}>
              <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid="user-reset-password">
                {t("users.resetPassword")}
              </Button>
              <Popconfirm
                title={t(u.disabled ? "users.enableConfirm" : "users.disableConfirm", { name: u.displayName })}
                okText={t("common.confirm")}
                cancelText={t("common.cancel")}
                onConfirm={() => toggle(u)}
              >
                <Button
                  size="small"
                  type="link"
                  danger={!u.disabled}
                  icon={u.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
                  data-testid={u.disabled ? "user-enable" : "user-disable"}
                >
                  {t(u.disabled ? "users.enable" : "users.disable")}
                </Button>
              </Popconfirm>
            </Space>
          ),
      },
    ],
    [session.userId, t, toggle],
  );

  return (
    <div>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="users-add">
          {t("users.add")}
        </Button>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        loading={users === null && !error}
        dataSource={users ?? []}
        columns={columns}
        pagination={false}
        onRow={(u) => ({ "data-testid": "user-row", "data-username": u.username }) as HTMLAttributes<HTMLElement>}
      />
      <AddUserModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(u) => {
          setUsers((list) => [...(list ?? []), u]);
          message.success(t("users.addDone", { name: u.displayName }));
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
