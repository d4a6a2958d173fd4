import { createContext, useContext } from "react";

export interface ShopContextValue {
  shopName: string;
  reloadShop: () => Promise<void>;
}

export const ShopContext = createContext<ShopContextValue>({ shopName: "", reloadShop: async () => {} });

export function useShop(): ShopContextValue {
  return useContext(ShopContext);
}
