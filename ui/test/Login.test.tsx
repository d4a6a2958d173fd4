import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Login } from "../src/screens/auth/Login";
import { Providers } from "./helpers";

const invoke = vi.hoisted(() => vi.fn());
vi.mock("@tauri-apps/api/core", () => ({ invoke }));

describe("Login", () => {
  beforeEach(() => invoke.mockReset());

  it("shows the backend's message in login-error when the password is wrong", async () => {
    invoke.mockRejectedValueOnce({ code: "wrong_password", message: "用户名或密码不正确" });
    render(
      <Providers>
        <Login />
      </Providers>,
    );
    fireEvent.change(screen.getByTestId("login-username"), { target: { value: "owner" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "not-it-at-all" } });
    fireEvent.click(screen.getByTestId("login-submit"));

    const alert = await screen.findByTestId("login-error");
    expect(alert).toHaveTextContent("用户名或密码不正确");
    expect(invoke).toHaveBeenCalledWith("auth_login", { username: "owner", password: "not-it-at-all" });
  });

  it("falls back to a translated message by code when the backend sends none", async () => {
    invoke.mockRejectedValueOnce({ code: "user_disabled", message: "" });
    render(
      <Providers>
        <Login />
      </Providers>,
    );
    fireEvent.change(screen.getByTestId("login-username"), { target: { value: "lina" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "whatever1" } });
    fireEvent.click(screen.getByTestId("login-submit"));
    await waitFor(() => expect(screen.getByTestId("login-error")).toHaveTextContent("该用户已被停用"));
  });
});
