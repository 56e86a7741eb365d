import {
  IconActivity,
  IconBell,
  IconKey,
  IconListDetails,
  IconPackage,
  IconStethoscope,
  IconGauge,
  IconTemplate,
  IconTool,
  IconTruckDelivery,
  IconUserOff,
  IconWebhook,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { CredentialsScreen } from '../features/credentials/CredentialsScreen';
import { DoctorScreen } from '../features/doctor/DoctorScreen';
import { DispatchSettingsScreen } from '../features/dispatch/DispatchSettingsScreen';
import { EventsScreen } from '../features/events/EventsScreen';
import { TrackingScreen } from '../features/tracking/TrackingScreen';
import { StatusScreen } from '../features/status/StatusScreen';
import { TemplatesScreen } from '../features/templates/TemplatesScreen';
import { BlacklistScreen } from '../features/blacklist/BlacklistScreen';
import { LogScreen } from '../features/log/LogScreen';
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { ToolsScreen } from '../features/tools/ToolsScreen';
import { WebhookScreen } from '../features/webhook/WebhookScreen';
import type { Translation } from '../i18n/locales/pt-BR';

export interface ScreenDef {
  /** Route (`#/credentials`) and the `nav.<id>` translation key. */
  id: Exclude<keyof Translation['nav'], 'main'>;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  Component: ComponentType;
}

/** Every screen of the wireframe, in its order, plus Orders and Tools. Adding a screen: README. */
export const SCREENS: ScreenDef[] = [
  { id: 'status', icon: IconActivity, Component: StatusScreen },
  { id: 'credentials', icon: IconKey, Component: CredentialsScreen },
  { id: 'events', icon: IconBell, Component: EventsScreen },
  { id: 'templates', icon: IconTemplate, Component: TemplatesScreen },
  { id: 'dispatch', icon: IconGauge, Component: DispatchSettingsScreen },
  { id: 'webhook', icon: IconWebhook, Component: WebhookScreen },
  { id: 'tracking', icon: IconTruckDelivery, Component: TrackingScreen },
  { id: 'log', icon: IconListDetails, Component: LogScreen },
  { id: 'blacklist', icon: IconUserOff, Component: BlacklistScreen },
  { id: 'orders', icon: IconPackage, Component: OrdersScreen },
  { id: 'tools', icon: IconTool, Component: ToolsScreen },
  { id: 'doctor', icon: IconStethoscope, Component: DoctorScreen },
];

export const DEFAULT_SCREEN = 'status';
