/** The tag editor's state: a failed save's error belongs to that edit and goes with it. */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { renderHook } from '../test/render-hook';
import { useTagEditing } from './Tags';

const duplicate = () => Promise.reject(new ApiError(409, 'conflict', 'a tag named "Shipping" already exists'));

describe('useTagEditing', () => {
  it('keeps the editor open with the error after a failed save, and clears both on cancel', async () => {
    const saved = vi.fn();
    const hook = await renderHook(() => useTagEditing(saved));
    await act(async () => hook.current.edit('new'));
    await act(() => hook.current.run(duplicate));
    expect(hook.current.editing).toBe('new');
    expect(hook.current.error).toBe('A tag named "Shipping" already exists');
    await act(async () => hook.current.edit(null));
    expect(hook.current.editing).toBeNull();
    expect(hook.current.error).toBeNull();
    expect(saved).not.toHaveBeenCalled();
    await hook.unmount();
  });

  it('does not carry one edit’s error into the next editor', async () => {
    const hook = await renderHook(() => useTagEditing(() => undefined));
    await act(async () => hook.current.edit('t1'));
    await act(() => hook.current.run(duplicate));
    expect(hook.current.error).not.toBeNull();
    await act(async () => hook.current.edit('t2'));
    expect(hook.current).toMatchObject({ editing: 't2', error: null });
    await hook.unmount();
  });

  it('closes the editor and reloads after a save', async () => {
    const saved = vi.fn();
    const hook = await renderHook(() => useTagEditing(saved));
    await act(async () => hook.current.edit('new'));
    await act(() => hook.current.run(() => Promise.resolve()));
    expect(hook.current).toMatchObject({ editing: null, error: null });
    expect(saved).toHaveBeenCalledOnce();
    await hook.unmount();
  });
});
