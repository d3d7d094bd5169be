import { useDispatch, useSelector } from 'react-redux';
import type { AppDispatch } from './listener';
import type { RootState } from './root-reducer';

/** Typed hooks; components use these instead of the untyped ones. */
export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
