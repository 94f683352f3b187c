import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import type { CommandAction } from "../modules/module.types";

type Registry = {
  commands: CommandAction[];
  set: (owner: string, commands: CommandAction[] | null) => void;
};

const CommandRegistryContext = createContext<Registry | null>(null);

/** Holds commands that pages add while they are on screen (e.g. "Add user" on the Users page). */
export function CommandRegistryProvider({ children }: { children: ReactNode }) {
  const [byOwner, setByOwner] = useState<ReadonlyMap<string, CommandAction[]>>(new Map());
  // Stable across renders: registering must not change what the registering effect depends on.
  const set = useCallback<Registry["set"]>(
    (owner, commands) =>
      setByOwner((previous) => {
        const next = new Map(previous);
        if (commands) next.set(owner, commands);
        else next.delete(owner);
        return next;
      }),
    [],
  );
  const value = useMemo<Registry>(() => ({ commands: [...byOwner.values()].flat(), set }), [byOwner, set]);
  return <CommandRegistryContext.Provider value={value}>{children}</CommandRegistryContext.Provider>;
}

/**
 * Adds commands to the palette while the calling component is mounted. Re-registers only when
 * the ids or labels change, so passing a fresh array on every render is fine; `run` callbacks
 * always see the latest render.
 */
export function useRegisterCommands(commands: CommandAction[]): void {
  const registry = useContext(CommandRegistryContext);
  const owner = useId();
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((c) => `${c.id}\u0000${c.label}\u0000${c.path ?? ""}`).join("\u0001");
  const set = registry?.set;

  useEffect(() => {
    if (!set || !signature) return;
    set(
      owner,
      latest.current.map((c) => ({
        ...c,
        run: c.run ? () => latest.current.find((x) => x.id === c.id)?.run?.() : undefined,
      })),
    );
    return () => set(owner, null);
  }, [set, owner, signature]);
}

export function useRegisteredCommands(): CommandAction[] {
  return useContext(CommandRegistryContext)?.commands ?? [];
}
