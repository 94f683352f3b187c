import { createContext, type ReactNode, useContext } from "react";
import type { AppModule } from "./module.types";

const ModulesContext = createContext<readonly AppModule[]>([]);

/** Makes the module registry available to the platform (shell, palette, realtime) without importing it. */
export function ModulesProvider({ modules, children }: { modules: readonly AppModule[]; children: ReactNode }) {
  return <ModulesContext.Provider value={modules}>{children}</ModulesContext.Provider>;
}

export function useModules(): readonly AppModule[] {
  return useContext(ModulesContext);
}
