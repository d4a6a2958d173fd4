import { LockOutlined } from "@ant-design/icons";
import { Result } from "antd";
import type { ReactNode } from "react";
import { useSession } from "../lib/appContext";

/**
 * Shows `children` to the owner and a calm notice to everyone else. Only a courtesy: the core
 * refuses these actions for other roles anyway.
 */
export function OwnerOnly(props: { title: string; text: string; testId: string; children: ReactNode }) {
  const session = useSession();
  if (session.role === "owner") return <>{props.children}</>;
  return (
    <Result
      icon={<LockOutlined style={{ color: "#0f766e" }} />}
      title={props.title}
      subTitle={props.text}
      data-testid={props.testId}
    />
  );
}
