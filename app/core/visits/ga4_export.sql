-- Mailsource: GA4 events for visit import. Run in BigQuery, then "Save results" as CSV.
-- One row per event; Mailsource folds them into sessions (user_pseudo_id + ga_session_id).
-- Properties exported before mid-2024 have no session_traffic_source_last_click: delete those
-- five session_* lines; the collected_* columns are then used instead.
SELECT
  event_timestamp AS event_timestamp_us,
  FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%E6SZ', TIMESTAMP_MICROS(event_timestamp)) AS event_time_utc,
  event_date,
  user_pseudo_id,
  (SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_id') AS ga_session_id,
  (SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_number') AS ga_session_number,
  event_name,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'et') AS tracking_token,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'page_location') AS page_location,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'page_referrer') AS page_referrer,
  session_traffic_source_last_click.manual_campaign.source AS session_source,
  session_traffic_source_last_click.manual_campaign.medium AS session_medium,
  session_traffic_source_last_click.manual_campaign.campaign_name AS session_campaign,
  session_traffic_source_last_click.manual_campaign.term AS session_term,
  session_traffic_source_last_click.manual_campaign.content AS session_content,
  collected_traffic_source.manual_source AS collected_source,
  collected_traffic_source.manual_medium AS collected_medium,
  collected_traffic_source.manual_campaign_name AS collected_campaign,
  collected_traffic_source.manual_term AS collected_term,
  collected_traffic_source.gclid AS gclid,
  traffic_source.source AS first_user_source,
  traffic_source.medium AS first_user_medium,
  traffic_source.name AS first_user_campaign,
  geo.country AS geo_country,
  geo.region AS geo_region,
  geo.city AS geo_city,
  device.category AS device_category,
  device.operating_system AS device_os,
  device.operating_system_version AS device_os_version,
  device.web_info.browser AS device_browser,
  device.web_info.browser_version AS device_browser_version,
  device.language AS device_language,
  device.web_info.hostname AS hostname,
  (SELECT COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64))
     FROM UNNEST(event_params) WHERE key = 'ei') AS tracking_pool_index,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'ec') AS contact_action,
  (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'eu') AS contact_page,
  stream_id
FROM `{project}.analytics_{property}.events_*`
WHERE _TABLE_SUFFIX BETWEEN '{date_from}' AND '{date_to}'
  AND event_name IN ('session_start', 'page_view', 'email_shown', 'email_contact')
