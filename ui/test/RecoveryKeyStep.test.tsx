import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { RecoveryKeyStep } from "../src/screens/wizard/RecoveryKeyStep";
import { Providers } from "./helpers";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const KEY = "LK7Q-9XWD-H3MT-2RVB-YC8N-P4KF";

describe("RecoveryKeyStep", () => {
  it("shows the key and enables continue only after the tick and the last 4 characters", () => {
    const onContinue = vi.fn();
    render(
      <Providers>
        <RecoveryKeyStep recoveryKey={KEY} onContinue={onContinue} />
      </Providers>,
    );
    expect(screen.getByTestId("recovery-key")).toHaveTextContent(KEY);
    const next = screen.getByTestId("recovery-continue");
    expect(next).toBeDisabled();

    fireEvent.click(screen.getByTestId("recovery-confirm"));
    expect(next).toBeDisabled();

    fireEvent.change(screen.getByTestId("recovery-last4"), { target: { value: "P4KX" } });
    expect(next).toBeDisabled();

    fireEvent.change(screen.getByTestId("recovery-last4"), { target: { value: "p4kf" } });
    expect(next).toBeEnabled();

    fireEvent.click(screen.getByTestId("recovery-confirm"));
    expect(next).toBeDisabled();

    fireEvent.click(screen.getByTestId("recovery-confirm"));
    fireEvent.click(next);
    expect(onContinue).toHaveBeenCalledOnce();
  });
});
