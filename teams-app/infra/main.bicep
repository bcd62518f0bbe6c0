// Azure resources for the CRM: App Service (Linux, Node 22), Azure SQL, Key Vault for secrets,
// Application Insights, and the Azure Bot with its Teams channel. The Entra app registrations
// (CRM API and bot) are created by the Agents Toolkit (teamsapp.yml, aadApp/create) or by hand
// (docs/deploy.md); their ids come in as parameters, their secrets live in Key Vault.

@description('Short name used to derive resource names, e.g. crm-dev')
@minLength(3)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('Entra app (client) id of the CRM API registration')
param aadAppClientId string

@description('Entra tenant id of the CRM API registration')
param aadAppTenantId string

@description('Entra app id of the bot registration')
param botAadAppClientId string

@description('Object id of the Entra group of SQL administrators')
param sqlAdminGroupObjectId string

@description('Display name of that group')
param sqlAdminGroupName string

@allowed(['B1', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

var webAppName = '${resourceBaseName}-app'
var publicUrl = 'https://${webAppName}.azurewebsites.net'

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: '${resourceBaseName}-sql'
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    administrators: {
      administratorType: 'ActiveDirectory'
      // The app signs in with a contained SQL user (its DATABASE_URL in Key Vault); people use Entra.
      azureADOnlyAuthentication: false
      login: sqlAdminGroupName
      sid: sqlAdminGroupObjectId
      tenantId: subscription().tenantId
      principalType: 'Group'
    }
  }
}

resource sqlDatabase 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServer
  name: 'crm'
  location: location
  sku: { name: 'GP_S_Gen5_1', tier: 'GeneralPurpose' }
  properties: { autoPauseDelay: 60, minCapacity: json('0.5') }
}

resource sqlAllowAzure 'Microsoft.Sql/servers/firewallRules@2023-08-01-preview' = {
  parent: sqlServer
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --enable-source-maps dist/api/src/server.js'
      healthCheckPath: '/healthz'
      alwaysOn: appServiceSku != 'B1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'AAD_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_TENANT_ID', value: aadAppTenantId }
        { name: 'AAD_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=aad-client-secret)' }
        { name: 'BOT_CLIENT_ID', value: botAadAppClientId }
        { name: 'BOT_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bot-client-secret)' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=database-url)' }
        { name: 'OFFICE_JS_URL', value: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
}

// The web app reads its secrets from Key Vault with its managed identity.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webApp.id, 'kv-secrets-user')
  scope: vault
  properties: {
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'CRM'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output webAppName string = webApp.name
output publicUrl string = publicUrl
output tabDomain string = '${webAppName}.azurewebsites.net'
output keyVaultName string = vault.name
output sqlServerFqdn string = sqlServer.properties.fullyQualifiedDomainName
