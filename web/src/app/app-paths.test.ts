import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';
import { routes } from './router';

/** The full path of every route that renders a page, from the nested route objects. */
function pagePaths(children: RouteObject[], parent = ''): string[] {
  return children.flatMap((route) => {
    if (route.path === '*') return [];
    const here = route.path === undefined ? parent : `${parent.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`;
    const own = route.index || (route.path !== undefined && !route.children) ? [here || '/'] : [];
    return [...own, ...pagePaths(route.children ?? [], here)];
  });
}

describe('the list of app paths the server reads', () => {
  it('names exactly the pages the router has', () => {
    expect([...appPaths].sort()).toEqual([...new Set(pagePaths(routes))].sort());
  });
});
