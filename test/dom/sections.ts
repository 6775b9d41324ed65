import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

/** Moves to a section of the pane, as the analyst does: its tab. */
export async function openSection(name: string): Promise<void> {
  await userEvent.click(screen.getByRole("tab", { name }));
}

/** What the pane's live region says to screen readers. */
export const announced = (): string => screen.getByRole("status").textContent ?? "";
