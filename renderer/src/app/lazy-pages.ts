import { lazy } from 'react';

/**
 * Screens of the unlocked app, each its own chunk: a screen's code loads only when it is opened. Named exports are wrapped because React.lazy expects a default export.
 */
export const HomePage = lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage })));
export const ClientListPage = lazy(() => import('../pages/ClientListPage').then((m) => ({ default: m.ClientListPage })));
export const NewClientPage = lazy(() => import('../pages/NewClientPage').then((m) => ({ default: m.NewClientPage })));
export const ClientFilePage = lazy(() => import('../pages/ClientFilePage').then((m) => ({ default: m.ClientFilePage })));
export const CaseFilePage = lazy(() => import('../pages/CaseFilePage').then((m) => ({ default: m.CaseFilePage })));
export const AccountsPage = lazy(() => import('../pages/AccountsPage').then((m) => ({ default: m.AccountsPage })));
export const AuditPage = lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage })));
export const ApprovalsPage = lazy(() => import('../pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
export const NetworkPage = lazy(() => import('../pages/NetworkPage').then((m) => ({ default: m.NetworkPage })));
export const SyncConflictsPage = lazy(() => import('../pages/SyncConflictsPage').then((m) => ({ default: m.SyncConflictsPage })));
export const PartnersPage = lazy(() => import('../pages/PartnersPage').then((m) => ({ default: m.PartnersPage })));
export const DataSubjectPage = lazy(() => import('../pages/DataSubjectPage').then((m) => ({ default: m.DataSubjectPage })));
export const StatisticsPage = lazy(() => import('../pages/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
export const FindingsPage = lazy(() => import('../pages/FindingsPage').then((m) => ({ default: m.FindingsPage })));
export const RetentionPage = lazy(() => import('../pages/RetentionPage').then((m) => ({ default: m.RetentionPage })));
export const SystemHealthPage = lazy(() => import('../pages/SystemHealthPage').then((m) => ({ default: m.SystemHealthPage })));
